"""The site-wide search as a list of the listing engine (website/listing.py): one box
for practices, events, documents, countries and pages.

The text search ranks every kind together (more of the words first, then a match in the
title above one in the body); among results with as many words this list weighs the
kinds: a practice or a document before a standard page, an upcoming or recent event
before an old one.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventCountry, EventPage
from exchange.models import CountryPage, PolicyDocument
from exchange.policy_library import policy_documents
from practices.library import country_labels
from practices.models import PracticeCountry, PracticePage
from practices.taxonomy import Theme
from website import listing
from website.cache_versions import CONTENT_VERSIONS
from website.language_fallback import offered
from website.models import StandardPage

from .results import present

PAGE_SIZE = 10
MAX_PAGE = 50
TYPES = {
    "practice": _("Practices"),
    "event": _("Events"),
    "document": _("Documents"),
    "country": _("Countries"),
    "page": _("Pages"),
}
# Gentle: a word in a page's title still outranks the same word in a practice's summary.
TYPE_WEIGHT = {"practice": 1.1, "document": 1.1, "event": 1.05, "country": 1.05, "page": 1.0}
PAGE_TYPES = {
    "practice": PracticePage,
    "event": EventPage,
    "country": CountryPage,
    "page": StandardPage,
}
RECENT = timedelta(days=90)
RECENT_EVENT, OLD_EVENT = 1.2, 0.8


def type_labels(language):
    return TYPES


def rows(locale):
    """One row per live public page offered in the locale (its own, and those not
    translated into it) and per policy document."""
    found = {}
    own = locale.language_code
    for kind, model in PAGE_TYPES.items():
        pages = offered(model.objects.live().public(), locale)
        for pk, title, language in pages.values_list("pk", "title", "locale__language_code"):
            found[pk] = {
                "kind": kind,
                "title": title,
                "country": set(),
                "theme": set(),
                "language": "" if language == own else language,
            }
    _link(found, PracticeCountry.objects.values_list("page_id", "country"), "country")
    _link(found, EventCountry.objects.values_list("page_id", "country"), "country")
    for model in (PracticePage, EventPage):
        links = model.themes.through.objects.values_list(
            f"{model._meta.model_name}_id", "theme__slug"
        )
        _link(found, links, "theme")
    _link(found, CountryPage.objects.values_list("pk", "country"), "country")
    ends = dict(offered(EventPage.objects.live().public(), locale).values_list("pk", "ends_at"))
    result = [_row(pk, ends_at=ends.get(pk), **page) for pk, page in found.items()]
    themes = {}
    links = PolicyDocument.themes.through.objects.filter(
        policydocument_id__in=policy_documents().values("pk")
    )
    for pk, slug in links.values_list("policydocument_id", "theme__slug"):
        themes.setdefault(pk, set()).add(slug)
    for pk, title, country in policy_documents().values_list("pk", "title", "country"):
        result.append(_row(pk, "document", title, {country} - {""}, themes.get(pk, set())))
    return result


def _link(found, pairs, param):
    for pk, value in pairs:
        if pk in found:
            found[pk][param].add(value)


def _row(pk, kind, title, country, theme, ends_at=None, language=""):
    return listing.Row(
        kind=kind,
        pk=pk,
        title=title,
        values={"type": (kind,), "country": tuple(country), "theme": tuple(theme)},
        sort={"ends_at": ends_at},
        language=language,
    )


def weigh(row):
    """Among results with as many of the visitor's words, the kind weighs (a practice or
    a document before a standard page) and an upcoming or recent event goes before an
    old one; the words found and where (title first) are the text search's part."""
    factor = TYPE_WEIGHT[row.kind]
    ends_at = row.sort["ends_at"]
    if ends_at is not None:
        factor *= RECENT_EVENT if ends_at >= timezone.now() - RECENT else OLD_EVENT
    return factor


SITE_SEARCH = listing.Listing(
    name="site",
    facets=(
        listing.Facet("type", _("Type"), type_labels, shown=15),
        listing.Facet("country", _("Country"), country_labels, shown=15, named=True),
        listing.Facet("theme", _("Theme"), Theme.labels, shown=15, named=True),
    ),
    sorts={"relevance": listing.Sort(_("Relevance"))},
    default_sort="relevance",
    page_size=PAGE_SIZE,
    rows=rows,
    versions=CONTENT_VERSIONS,
    kinds=tuple(TYPES),
    weigh=weigh,
    max_values=10,
    max_page=MAX_PAGE,
)


def parse(params, locale):
    return listing.parse(SITE_SEARCH, params, locale.language_code)


def run(locale, state):
    return listing.run(SITE_SEARCH, locale, state, lambda rows: present(rows, state.words))
