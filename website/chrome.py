"""What every public page shows around its content: header, menu, switcher, footer.

Built once per request in a fixed number of queries, whatever the size of the site, and
mostly served from the cache (see signals.py for what makes it stale).
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from .cache_versions import PAGES_VERSION, cached
from .languages import LanguageLink, language_links
from .models import FooterText, SiteSettings


@dataclass(frozen=True)
class SiteChrome:
    home: Page | None
    menu: list
    languages: list[LanguageLink]
    footer: FooterText | None
    settings: SiteSettings | None
    data_protection_page: Page | None


def site_chrome(request, page=None):
    site = Site.find_for_request(request)
    language = get_language()
    parts = cached(
        PAGES_VERSION, f"chrome:{site.pk if site else 0}:{language}", lambda: _parts(site)
    )
    return SiteChrome(languages=language_links(request, page), **parts)


def _parts(site):
    """The parts that depend only on the site and the language: cached until a page changes."""
    locale = Locale.get_active()
    home = _in_locale(site.root_page_id, locale) if site else None
    site_settings = SiteSettings.for_site(site) if site else None
    return {
        "home": home,
        "menu": list(home.get_children().live().in_menu().specific(defer=True)) if home else [],
        "footer": FooterText.objects.filter(locale=locale).first(),
        "settings": site_settings,
        "data_protection_page": (
            _in_locale(site_settings.data_protection_page_id, locale) if site_settings else None
        ),
    }


def _in_locale(page_id, locale):
    """The live translation, in `locale`, of the page with this id (one query)."""
    if page_id is None:
        return None
    translation_key = Page.objects.filter(pk=page_id).values("translation_key")
    return (
        Page.objects.live()
        .filter(translation_key__in=translation_key, locale=locale)
        .select_related("locale")
        .first()
    )
