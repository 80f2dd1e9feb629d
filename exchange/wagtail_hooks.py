from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from website.access_log import register_person_action
from website.snippet_views import TranslatedSnippetViewSet

from . import focal_points, queue_views
from .dashboard import OpenRequestsPanel
from .models import BilateralAgreement
from .request_access import can_use_queue, visible_requests


class BilateralAgreementViewSet(TranslatedSnippetViewSet):
    model = BilateralAgreement
    icon = "doc-full"
    menu_label = _("Bilateral agreements")
    list_display = ["title", "date_signed"]
    list_filter = ["locale"]


register_snippet(BilateralAgreementViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("exchange-requests/", queue_views.queue, name="exchange_queue"),
        path("exchange-requests/<int:request_id>/", queue_views.detail, name="exchange_request"),
        path(
            "exchange-requests/<int:request_id>/notes/",
            queue_views.note,
            name="exchange_request_note",
        ),
        path(
            "exchange-requests/<int:request_id>/messages/",
            queue_views.message,
            name="exchange_request_message",
        ),
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        _("Exchange requests"), reverse("exchange_queue"), icon_name="mail", order=260
    )


@hooks.register("construct_homepage_panels")
def add_open_requests_panel(request, panels):
    if can_use_queue(request.user):
        panels.append(OpenRequestsPanel(visible_requests(request.user)))


@hooks.register("register_log_actions")
def register_focal_point_log_actions(actions):
    register_person_action(
        actions,
        focal_points.NAMED,
        _("Focal point account named"),
        _("Named %(person)s focal point, with access to the exchange requests"),
    )
    register_person_action(
        actions,
        focal_points.UNNAMED,
        _("Focal point account removed"),
        _("Took %(person)s off as focal point"),
    )
