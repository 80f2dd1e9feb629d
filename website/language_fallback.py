"""What a reader of one language is offered when not everything is translated.

A list (the practice library, the calendar, the site search) shows the pages of the
reader's language and, for each translation group (translation_key) that has no page in
it, the group's version in the source language, or else in the next site language that
has one. Such a page keeps its own URL, in its own language, and is marked "available in
French" with `lang` and `dir` on its text (`foreign` below, and the `language_tags`
template tags).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

# Whole sentences rather than "Available in %(language)s": a language's name is not
# declined or capitalised the same way in every language ("en français", "in French").
AVAILABLE_IN = {
    "fr": _("Available in French"),
    "en": _("Available in English"),
    "ar": _("Available in Arabic"),
}


def fallback_order(language):
    """The other languages whose version stands in for a missing translation, best first:
    the source language, then the site's languages in their order."""
    codes = [settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)]
    return [code for code in dict.fromkeys(codes) if code != language]


def offered(pages, locale):
    """`pages` (a queryset over every locale) narrowed to one page per translation group
    for a reader of `locale`: a fixed number of queries, whatever the number of pages."""
    chosen = Q(locale=locale)
    covered = [pages.filter(locale=locale).values("translation_key")]
    for code in fallback_order(locale.language_code):
        missing = Q(locale__language_code=code)
        for keys in covered:
            missing &= ~Q(translation_key__in=keys)
        chosen |= missing
        covered.append(pages.filter(locale__language_code=code).values("translation_key"))
    return pages.filter(chosen)


@dataclass(frozen=True)
class Foreign:
    """A page shown to a reader of another language: its language and the mark."""

    code: str

    @property
    def direction(self):
        return direction(self.code)

    @property
    def mark(self):
        return AVAILABLE_IN[self.code]


def direction(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


def foreign(language, reader=None):
    """A `Foreign` when `language` is not the reader's (the active language), else None."""
    reader = reader or get_language()
    if not language or language == reader:
        return None
    return Foreign(language)
