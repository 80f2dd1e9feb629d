"""Where each site language leads from the page being shown.

The switcher lands on the same page in the other language when a live translation
exists, and on that language's home page otherwise; hreflang alternates list only the
real translations.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool


def language_links(request, page=None):
    current = get_language()
    exact = _page_urls(request, page) if _is_saved_page(page) else _view_urls(request, current)
    homes = (
        {} if len(exact) == len(settings.LANGUAGES) else _page_urls(request, _site_root(request))
    )
    return [
        LanguageLink(
            code=code,
            name=name,
            url=exact.get(code) or homes.get(code) or f"/{code}/",
            is_current=code == current,
            is_translation=code in exact,
        )
        for code, name in settings.LANGUAGES
    ]


def _is_saved_page(page):
    return isinstance(page, Page) and page.pk is not None


def _page_urls(request, page):
    """The URL of each live translation of the page (the page itself included)."""
    if page is None:
        return {}
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.get_url(request) for translation in pages}


def _view_urls(request, current):
    """For views that are not pages (search, feeds): the same path under each prefix."""
    urls = {current: request.get_full_path()}
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        return urls  # an error page: no equivalent to offer, the home pages will do
    for code, _name in settings.LANGUAGES:
        translated = translate_url(request.path, code)
        if translated != request.path:
            urls[code] = translated
    return urls


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None
