"""What the site-wide search knows of every searchable item of a language without
reading it again: its type, countries, themes, date (for events) and title words.

Built in a handful of queries and kept in the cache until a page, a term or a document
changes, so that a search costs the same few queries however much the site holds.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q

from events.models import EventCountry, EventPage
from exchange.models import CountryPage, PolicyDocument
from practices.models import PracticeCountry, PracticePage
from website.cache_versions import CONTENT_VERSIONS, version
from website.models import StandardPage
from website.search_text import fold

WORD = re.compile(r"\w{3,}")
PAGE_TYPES = {
    "practice": PracticePage,
    "event": EventPage,
    "country": CountryPage,
    "page": StandardPage,
}


@dataclass
class Item:
    kind: str
    title: str
    countries: set = field(default_factory=set)
    themes: set = field(default_factory=set)
    ends_at: object = None


# Kept in each process rather than in the shared cache: unpickling thirteen thousand
# items on every search would cost more than the search. The versions in the key are
# shared, so every process sees an edit as soon as it is made.
_built = {}


def catalogue(locale):
    versions = "-".join(version(n) for n in CONTENT_VERSIONS)
    key = (locale.pk, versions)
    if key not in _built:
        stale = [old for old in _built if old[0] == locale.pk]
        for old in stale:
            del _built[old]
        _built[key] = build(locale)
    return _built[key]


def build(locale):
    """{("page", id) | ("document", id): Item}, and the words of the titles."""
    items = {}
    for kind, model in PAGE_TYPES.items():
        for pk, title in (
            model.objects.live().public().filter(locale=locale).values_list("pk", "title")
        ):
            items[("page", pk)] = Item(kind=kind, title=title)
    _add_links(items, PracticeCountry.objects.values_list("page_id", "country"), "countries")
    _add_links(items, EventCountry.objects.values_list("page_id", "country"), "countries")
    for model in (PracticePage, EventPage):
        through = model.themes.through.objects
        links = through.values_list(f"{model._meta.model_name}_id", "theme__slug")
        _add_links(items, links, "themes")
    for pk, code in CountryPage.objects.filter(locale=locale).values_list("pk", "country"):
        if ("page", pk) in items:
            items[("page", pk)].countries.add(code)
    for pk, ends_at in EventPage.objects.filter(locale=locale).values_list("pk", "ends_at"):
        if ("page", pk) in items:
            items[("page", pk)].ends_at = ends_at
    documents = PolicyDocument.objects.exclude(doc_type="")
    for pk, title, country in documents.values_list("pk", "title", "country"):
        items[("document", pk)] = Item(kind="document", title=title, countries={country} - {""})
    themes = PolicyDocument.themes.through.objects.filter(~Q(policydocument__doc_type=""))
    for pk, slug in themes.values_list("policydocument_id", "theme__slug"):
        items[("document", pk)].themes.add(slug)
    words = sorted({w for item in items.values() for w in WORD.findall(fold(item.title))})
    return {"items": items, "words": words}


def _add_links(items, rows, attribute):
    for page_id, value in rows:
        item = items.get(("page", page_id))
        if item is not None:
            getattr(item, attribute).add(value)
