"""The policy library's query: read from the URL, filter, count facets, search the
documents' details and the text read out of their files, sort, page.

Filters, facet counts and sorting run in memory over one row per document (a thousand
documents is a few hundred kilobytes), so the page costs the same few queries whatever
the number of documents.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from practices.taxonomy import Theme
from website.query_params import integer, text
from website.search_backends import search_ids
from website.search_text import fold
from website.selection import read_selection, within

from .models.documents import DOCUMENT_LANGUAGES, DocumentType, PolicyDocument

MAX_QUERY_LENGTH = 200
MAX_TEXT_MATCHES = 2000
PAGE_SIZE = 20
WORD = re.compile(r"\w+")
SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title"),
}
FACETS = {
    "country": _("Country"),
    "type": _("Document type"),
    "theme": _("Theme"),
    "year": _("Year adopted"),
    "language": _("Language"),
}


@dataclass(frozen=True)
class LibraryState:
    q: str
    selected: dict
    sort: str
    page: int

    @property
    def words(self):
        return WORD.findall(fold(self.q))


def parse_state(params):
    """Unknown values are dropped, never an error."""
    allowed = {
        "country": dict(all_countries),
        "type": dict(DocumentType.choices),
        "theme": Theme.labels(get_language()),
        "language": dict(DOCUMENT_LANGUAGES),
        "year": {str(year): year for year in range(1950, 2101)},
    }
    selected = read_selection(params, allowed)
    sort = params.get("sort") if params.get("sort") in SORTS else ""
    q = text(params.get("q"), MAX_QUERY_LENGTH)
    page = integer(params.get("page"), default=1, minimum=1)
    return LibraryState(q=q, selected=selected, sort=sort, page=page)


def policy_documents():
    return PolicyDocument.objects.exclude(doc_type="")


def text_matches(words):
    """Ids of the documents matching every word, best first; None without words."""
    return search_ids(policy_documents(), words, MAX_TEXT_MATCHES) if words else None


@dataclass(frozen=True)
class Row:
    """What the facets and the sort need of one document, read in one query."""

    pk: int
    title: str
    adoption_date: object
    created_at: object
    values: dict  # facet param -> set of values


def rows_of(base):
    themes = {}
    through = PolicyDocument.themes.through.objects.filter(policydocument_id__in=base.values("pk"))
    for document_id, slug in through.values_list("policydocument_id", "theme__slug"):
        themes.setdefault(document_id, set()).add(slug)
    fields = ("pk", "title", "adoption_date", "created_at", "country", "doc_type", "language")
    return [
        Row(
            pk=pk,
            title=title,
            adoption_date=adopted,
            created_at=created,
            values={
                "country": {country},
                "type": {doc_type},
                "language": {language},
                "year": {str(adopted.year)} if adopted else set(),
                "theme": themes.get(pk, set()),
            },
        )
        for pk, title, adopted, created, country, doc_type, language in base.values_list(*fields)
    ]


def kept(row, state, exclude=None):
    return within(row.values.__getitem__, state.selected, exclude)


def run(state):
    """Four queries whatever the number of documents: the search (when there are words),
    the rows, their themes, and the page of results."""
    matches = text_matches(state.words)
    base = policy_documents() if matches is None else policy_documents().filter(pk__in=matches)
    rows = rows_of(base)
    results = [row for row in rows if kept(row, state)]
    page = Paginator(_in_order(_sorted(results, state, matches)), PAGE_SIZE).get_page(state.page)
    return {
        "state": state,
        "page_obj": page,
        "documents": list(page),
        "facets": facets(rows, state),
        "sorts": SORTS,
        "total": page.paginator.count,
        "query": _query_string(state),
    }


def _sorted(results, state, matches):
    sort = state.sort or ("relevance" if matches else "newest")
    if sort == "relevance" and matches:
        rank = {pk: n for n, pk in enumerate(matches)}
        return [row.pk for row in sorted(results, key=lambda row: rank[row.pk])]
    if sort == "title":
        return [row.pk for row in sorted(results, key=lambda row: row.title.casefold())]
    dated = sorted(results, key=lambda row: (row.adoption_date or date.min, row.created_at))
    return [row.pk for row in (dated if sort == "oldest" else reversed(dated))]


class _in_order(list):
    """Document ids in display order, loaded a page at a time by the paginator."""

    def __getitem__(self, index):
        ids = super().__getitem__(index)
        if not isinstance(index, slice):
            return PolicyDocument.objects.get(pk=ids)
        found = PolicyDocument.objects.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def facets(rows, state):
    """Each facet's values with their counts under the visitor's other choices."""
    labels = {
        "country": all_countries.name,
        "type": dict(DocumentType.choices).get,
        "language": dict(DOCUMENT_LANGUAGES).get,
        "year": str,
        "theme": Theme.labels(get_language()).get,
    }
    result = []
    for param, label in FACETS.items():
        counts = Counter(
            value for row in rows if kept(row, state, exclude=param) for value in row.values[param]
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
            if value
        ]
        values.sort(key=lambda v: -int(v["value"]) if param == "year" else str(v["label"]))
        result.append({"param": param, "label": label, "values": values})
    return result


def _query_string(state):
    """The state without the page number, for the pagination links."""
    query = QueryDict(mutable=True)
    for param, values in state.selected.items():
        query.setlist(param, values)
    if state.q:
        query["q"] = state.q
    if state.sort:
        query["sort"] = state.sort
    return query.urlencode()
