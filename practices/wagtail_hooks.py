from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_import


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("practices/import/", admin_import.upload, name="practices_import"),
        path("practices/import/check/", admin_import.check, name="practices_import_check"),
        path("practices/import/confirm/", admin_import.confirm, name="practices_import_confirm"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_import.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import practices"), reverse("practices_import"), icon_name="upload", order=240
    )
