from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import SearchTerm
from .search_counts import flush


def searches_without_results(request):
    flush()  # the embedded default runs no beat: the report collects its own counts
    terms = SearchTerm.objects.filter(without_results__gt=0).order_by(
        "-without_results", "-last_searched"
    )[:200]
    return TemplateResponse(request, "search/admin/without_results.html", {"terms": terms})


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/searches-without-results/",
            searches_without_results,
            name="searches_without_results",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Searches without results"),
        reverse("searches_without_results"),
        icon_name="search",
        order=700,
    )
