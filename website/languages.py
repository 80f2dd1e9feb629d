"""Where each site language leads from the page being shown.

The switcher keeps the reader's place: the same page in the other language, at the same
sub-route (a document, a month, the archive) with the same query string (filters, a
search) when a live translation exists. Otherwise it leads to the nearest ancestor that
has one (the home page at worst), with UNTRANSLATED in its query string so that the page
says why the reader landed there. hreflang alternates list only the real translations.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .cache_versions import PAGES_VERSION, cached

# The query parameter, and its one value, that makes a page show the "not available in
# this language" notice (templates/website/includes/untranslated_notice.html).
UNTRANSLATED = "untranslated"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool


def language_links(request, page=None):
    current = get_language()
    if _is_saved_page(page):
        exact = _page_urls(request, page, _place_below(request, page))
        nearest = _nearest_translated_ancestors(request, page, _missing(exact))
        fallbacks = {code: f"{url}?{UNTRANSLATED}=1" for code, url in nearest.items()}
    else:
        exact = _view_urls(request, current)
        fallbacks = _page_urls(request, _site_root(request)) if _missing(exact) else {}
    return [
        LanguageLink(
            code=code,
            name=name,
            url=exact.get(code) or fallbacks.get(code) or f"/{code}/",
            is_current=code == current,
            is_translation=code in exact,
        )
        for code, name in settings.LANGUAGES
    ]


def shows_untranslated_notice(request):
    return request.GET.get(UNTRANSLATED) == "1"


def _is_saved_page(page):
    return isinstance(page, Page) and page.pk is not None


def _missing(urls):
    return [code for code, _name in settings.LANGUAGES if code not in urls]


def _place_below(request, page):
    """The sub-route and query string the reader is at on `page` ('' on a preview)."""
    own = page.get_url(request) or ""
    if not own.startswith("/") or not request.path.startswith(own):
        return ""
    return request.path[len(own) :] + _query(request)


def _query(request):
    query = request.GET.copy()
    query.pop(UNTRANSLATED, None)
    return f"?{query.urlencode()}" if query else ""


def _page_urls(request, page, place=""):
    """The URL of each live translation of the page (the page itself included)."""
    if page is None:
        return {}

    def load():
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        return {found.locale.language_code: found.get_url(request) for found in pages}

    return {code: url + place for code, url in _kept(request, f"of:{page.pk}", load).items()}


def _nearest_translated_ancestors(request, page, codes):
    """{language: URL of the deepest ancestor of `page` that is live in it} (one query)."""
    if not codes:
        return {}

    def load():
        ancestors = page.get_ancestors().filter(depth__gt=1).values("translation_key")
        translations = (
            Page.objects.live()
            .filter(translation_key__in=ancestors, locale__language_code__in=codes)
            .select_related("locale")
            .order_by("depth")
        )
        return {found.locale.language_code: found.get_url(request) for found in translations}

    return _kept(request, f"above:{page.pk}:{','.join(codes)}", load)


def _kept(request, key, load):
    """Where a page's translations are, kept until a page changes: a query or two on
    every page view otherwise, for links that change only when pages do."""
    site = Site.find_for_request(request)
    return cached(PAGES_VERSION, f"languages:{site.pk if site else 0}:{key}", load)


def _view_urls(request, current):
    """For views that are not pages (search, feeds): the same path under each prefix."""
    urls = {current: request.get_full_path()}
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        return urls  # an error page: no equivalent to offer, the home pages will do
    for code, _name in settings.LANGUAGES:
        translated = translate_url(request.path, code)
        if translated != request.path:
            urls[code] = translated + _query(request)
    return urls


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None
