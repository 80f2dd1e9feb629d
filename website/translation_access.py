"""Translators translate: they edit pages and snippets in the translation locales (en,
ar), never the French sources, which they still browse to ask for a translation.

Their group holds `change_page` on the tree's root and `change_<snippet>` on the
translatable snippets, because wagtail-localize's translation editor asks for exactly
those on the translated copy. Wagtail has no locale in its permissions, so the source
locale is taken away here: for pages in the page permission tester every admin view asks
(edit, listing links, header buttons, revisions), for snippets in the edit and delete
hooks and the listing buttons (website/wagtail_hooks.py).
"""

from wagtail.models import Locale, PagePermissionTester
from wagtail.snippets.models import register_snippet

from .bootstrap import TRANSLATORS


def translates_only(user):
    """A Translator who belongs to no group that writes sources (Editors, Moderators...)."""
    if not user.is_active or user.is_superuser:
        return False
    if not hasattr(user, "_translates_only"):
        names = set(user.groups.values_list("name", flat=True))
        user._translates_only = names == {TRANSLATORS}
    return user._translates_only


def may_edit(user, instance):
    """May `user` change this page or translatable snippet, as far as its locale goes?"""
    if not translates_only(user) or getattr(instance, "locale_id", None) is None:
        return True
    if not hasattr(user, "_source_locale_id"):  # asked once per page of a listing
        user._source_locale_id = Locale.get_default().pk
    return instance.locale_id != user._source_locale_id


class LocalePagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not may_edit(user, page):
            self.permissions = set()


class TranslatorPermissionsMixin:
    """On every page type: Wagtail builds a page's permission tester from the specific
    class's `permissions_for_user`."""

    def permissions_for_user(self, user):
        return LocalePagePermissionTester(user, self)


def register_snippet_for_translation(model):
    """@register_snippet, with a listing that offers Translators no edit of a source row.
    The viewset is named, not imported: models load before the admin views can."""
    return register_snippet(model, viewset="website.snippet_views.TranslatedSnippetViewSet")
