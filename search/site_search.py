"""The site-wide search: one box for practices, events, documents, countries and pages.

Pages of the visitor's language and policy documents are matched through Wagtail's
search API (website/search_backends.py: Elasticsearch or the database, with a fallback), then
ranked the same way on every backend: a match in the title outranks one in the body, a
practice or a document outranks a standard page, an upcoming or recent event outranks an
old one, and the backend's own order breaks ties. Facets and filters run in memory over
the catalogue (search/catalogue.py).
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from wagtail.models import Page

from exchange.models import PolicyDocument
from practices.taxonomy import Theme
from website.query_params import integer, text
from website.search_backends import default_is_search_server, search_ids
from website.search_text import fold
from website.selection import read_selection, within

from .catalogue import PAGE_TYPES, catalogue
from .results import present

MAX_QUERY_LENGTH = 200
MAX_MATCHES = 500
PAGE_SIZE = 10
MAX_PAGE = 50
WORD = re.compile(r"\w+")
TYPES = {
    "practice": _("Practices"),
    "event": _("Events"),
    "document": _("Documents"),
    "country": _("Countries"),
    "page": _("Pages"),
}
TYPE_WEIGHT = {"practice": 1.5, "document": 1.5, "event": 1.2, "country": 1.2, "page": 1.0}
FACETS = {"type": _("Type"), "country": _("Country"), "theme": _("Theme")}


class PageOutOfRange(Exception):
    """A page number beyond what any search shows: answered with a 404."""


@dataclass(frozen=True)
class SearchState:
    q: str
    selected: dict
    page: int

    @property
    def words(self):
        return WORD.findall(fold(self.q))


def parse_state(params):
    allowed = {
        "type": TYPES,
        "country": dict(all_countries),
        "theme": Theme.labels(get_language()),
    }
    selected = read_selection(params, allowed, limit=10)
    page = integer(params.get("page"), default=1, minimum=1)
    if page > MAX_PAGE:
        raise PageOutOfRange
    return SearchState(q=text(params.get("q"), MAX_QUERY_LENGTH), selected=selected, page=page)


@dataclass
class Hit:
    key: tuple
    kind: str
    score: float
    countries: set
    themes: set


def run(state, locale):
    known = catalogue(locale)
    hits = rank(state.words, match(state.words, locale), known["items"])
    kept = [hit for hit in hits if keeps(hit, state)]
    page = Paginator(kept, PAGE_SIZE).get_page(state.page)
    return {
        "state": state,
        "page_obj": page,
        "results": present(page.object_list, state.words),
        "total": len(kept),
        "facets": facets(hits, state),
        "query": query_string(state),
        "suggestion": suggestion(state.words, known["words"]) if not kept else "",
        "drop_filters": drop_filters(hits, state) if not kept else [],
    }


def match(words, locale):
    """(key, rank) of every match: pages of the language, then policy documents.

    On a search server each kind of page is searched with its own fields (the French,
    English or Arabic analyser); the database backends search all kinds in one query.
    Unpublished or private pages are dropped later, by the catalogue.
    """
    language = locale.language_code
    if default_is_search_server():
        querysets = [m.objects.live().filter(locale=locale) for m in PAGE_TYPES.values()]
    else:
        querysets = [Page.objects.live().filter(locale=locale).type(*PAGE_TYPES.values())]
    matches = []
    for queryset in querysets:
        ids = search_ids(queryset, words, MAX_MATCHES, language)
        matches += [(("page", pk), rank) for rank, pk in enumerate(ids)]
    documents = PolicyDocument.objects.exclude(doc_type="")
    ids = search_ids(documents, words, MAX_MATCHES)
    return matches + [(("document", pk), rank) for rank, pk in enumerate(ids)]


def rank(words, matches, items):
    now = timezone.now()
    hits = []
    for key, position in matches:
        item = items.get(key)
        if item is None:  # not in the catalogue: another language, or just unpublished
            continue
        title_words = fold(item.title).split()
        in_title = sum(any(t.startswith(w) for t in title_words) for w in words) / len(words)
        score = TYPE_WEIGHT[item.kind] * (1 + 2 * in_title) + 1 / (2 + position)
        if item.ends_at is not None:
            score += 0.3 if item.ends_at >= now - timedelta(days=90) else -0.3
        hits.append(Hit(key, item.kind, score, item.countries, item.themes))
    hits.sort(key=lambda hit: -hit.score)
    return hits


def values_of(hit, param):
    return {"type": {hit.kind}, "country": hit.countries, "theme": hit.themes}[param]


def keeps(hit, state, exclude=None):
    return within(lambda param: values_of(hit, param), state.selected, exclude)


def facets(hits, state):
    labels = {
        "type": lambda v: TYPES[v],
        "country": all_countries.name,
        "theme": Theme.labels(get_language()).get,
    }
    result = []
    for param, label in FACETS.items():
        counts = Counter(
            value for hit in hits if keeps(hit, state, param) for value in values_of(hit, param)
        )
        selected = state.selected.get(param, [])
        values = [
            {
                "value": value,
                "label": labels[param](value) or value,
                "count": count,
                "selected": value in selected,
            }
            for value, count in counts.items()
        ]
        values.sort(key=lambda v: (-v["count"], str(v["label"])))
        result.append({"param": param, "label": label, "values": values[:15]})
    return result


def drop_filters(hits, state):
    """When filters hide every match: each filter, and how many results removing it gives."""
    options = []
    for param in state.selected:
        count = sum(keeps(hit, state, exclude=param) for hit in hits)
        if count:
            options.append(
                {
                    "param": param,
                    "label": FACETS[param],
                    "count": count,
                    "query": query_string(state, without=param),
                }
            )
    return options


def suggestion(words, vocabulary):
    """A spelling hint from the words of the titles: 'integraton' → 'integration'."""
    fixed = [
        (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8) or [word])[0]
        if len(word) > 3
        else word
        for word in words
    ]
    return " ".join(fixed) if fixed != words else ""


def query_string(state, without=None):
    query = QueryDict(mutable=True)
    if state.q:
        query["q"] = state.q
    for param, values in state.selected.items():
        if param != without:
            query.setlist(param, values)
    return query.urlencode()
