"""The translation overview in the admin (page × language) and the translators' panel on
the admin home: what is missing or out of date in their language."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import translation_status as status
from .bootstrap import EDITORS, MODERATORS, TRANSLATORS
from .query_params import integer

PAGE_SIZE = 50


def may_oversee(user):
    return (
        user.is_superuser
        or user.groups.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS]).exists()
    )


def overview(request):
    if not may_oversee(request.user):
        raise PermissionDenied
    types = status.page_types()
    type_ids = {content_type.pk for content_type, _name in types}
    content_type_id = integer(request.GET.get("type"))
    content_type_id = content_type_id if content_type_id in type_ids else None
    country_choices = _countries_in_use()
    country = request.GET.get("country", "")
    country = country if country in dict(country_choices) else ""
    locales = status.target_locales()
    language = request.GET.get("language", "")
    shown = [locale for locale in locales if locale.language_code == language] or locales
    wanted = request.GET.get("status", "")
    page_obj = _page_of_rows(status.source_pages(content_type_id, country), shown, wanted, request)
    type_names = {content_type.pk: name for content_type, name in types}
    for row in page_obj:
        row.source["type_name"] = type_names.get(row.source["content_type_id"], "")
    context = {
        "page_obj": page_obj,
        "locales": shown,
        "all_locales": locales,
        "types": types,
        "countries": country_choices,
        "statuses": [*status.STATUS_LABELS.items(), (status.OUT_OF_DATE, _("Out of date"))],
        "chosen": {
            "type": content_type_id,
            "country": country,
            "language": language,
            "status": wanted,
        },
        "may_translate": request.user.has_perm("wagtail_localize.submit_translation"),
    }
    return TemplateResponse(request, "website/admin/translation_overview.html", context)


def _page_of_rows(sources, locales, wanted, request):
    """One page of the grid. Without a status to filter on, only the shown page's cells
    are worked out; a status filter needs every row's."""
    if wanted in [*status.STATUS_LABELS, status.OUT_OF_DATE]:
        rows = status.grid(sources, locales)
        rows = [row for row in rows if any(_matches(cell, wanted) for cell in row.cells)]
        return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("p"))
    page_obj = Paginator(sources, PAGE_SIZE).get_page(request.GET.get("p"))
    page_obj.object_list = status.grid(list(page_obj.object_list), locales)
    return page_obj


def _matches(cell, wanted):
    return cell.stale if wanted == status.OUT_OF_DATE else cell.status == wanted


def _countries_in_use():
    codes = set()
    for model in status.country_page_models():
        codes.update(
            model.objects.filter(~Q(**{model.country_lookup: ""}))
            .values_list(model.country_lookup, flat=True)
            .distinct()
        )
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_oversee(request.user)


class TranslationsToDoPanel(Component):
    """Translations missing or out of date in the translator's admin language (all
    target languages when that is French, the source)."""

    name = "translations_to_do"
    template_name = "website/admin/translations_to_do_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        locales = status.target_locales()
        mine = [locale for locale in locales if locale.language_code == get_language()]
        rows = status.grid(status.source_pages(), mine or locales)
        url = reverse("translation_overview")
        counts = []
        for index, locale in enumerate(mine or locales):
            cells = [row.cells[index] for row in rows]
            for wanted in (status.MISSING, status.OUT_OF_DATE):
                number = sum(_matches(cell, wanted) for cell in cells)
                query = urlencode({"language": locale.language_code, "status": wanted})
                counts.append((locale, wanted, number, f"{url}?{query}"))
        return {"counts": counts}


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", overview, name="translation_overview")]


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("Translations"), reverse("translation_overview"), icon_name="globe", order=250
    )


@hooks.register("construct_homepage_panels")
def add_translations_to_do(request, panels):
    if request.user.groups.filter(name=TRANSLATORS).exists():
        panels.append(TranslationsToDoPanel(request.user))
