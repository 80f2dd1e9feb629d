from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from events.models import EventPage
from events.registration_settings import registration_event
from website.access_log import register_person_action

from . import admin_views, dashboard, managers
from .access import can_manage, managed_events


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("registrations/", admin_views.events_index, name="registrations_index"),
        path(
            "registrations/<int:event_id>/",
            admin_views.event_registrations,
            name="registrations_event",
        ),
        path(
            "registrations/<int:event_id>/<int:registration_id>/",
            admin_views.registration_detail,
            name="registrations_detail",
        ),
        path(
            "registrations/<int:event_id>/access/",
            admin_views.registration_access,
            name="registrations_access",
        ),
        path(
            "registrations/<int:event_id>/export.<str:file_format>",
            admin_views.export_registrations,
            name="registrations_export",
        ),
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or managed_events(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("registrations_index"), icon_name="group", order=250
    )


class EventRegistrationsItem(PageMenuItem):
    label = _("Registrations")
    icon_name = "group"
    url_name = "registrations_event"

    def is_shown(self, user):
        return can_manage(user, self.page)


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    """On an event's admin pages, a way to its registrations for those who manage them."""
    if isinstance(page.specific_deferred, EventPage):
        event = registration_event(page.specific_deferred)
        yield EventRegistrationsItem(page=event, priority=80)


@hooks.register("register_log_actions")
def register_access_log_actions(actions):
    register_person_action(
        actions,
        managers.GRANT,
        _("Access to registrations given"),
        _("Gave %(person)s access to the registrations"),
    )
    register_person_action(
        actions,
        managers.REVOKE,
        _("Access to registrations withdrawn"),
        _("Withdrew %(person)s’s access to the registrations"),
    )


@hooks.register("construct_homepage_panels")
def add_managed_events_panel(request, panels):
    panel = dashboard.panel_for(request.user)
    if panel is not None:
        panels.append(panel)
