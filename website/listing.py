"""One engine behind every list: the practice library, the policy library, the site
search, and their feeds and exports.

A list declares what it offers (a `Listing`: facets, sorts, page size, the text-search
kinds it searches, how to read one small `Row` per item for a locale); the engine reads
the visitor's choices from the query string (a `State`; unknown values are dropped),
runs the text search, filters and counts the facets over the rows in memory, sorts,
pages, and gives the links that change each choice. Pages, feeds and exports ask the
same engine with the same query string, so they show the same selection in the same
order.
"""

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import ClassVar

from django.dispatch import Signal
from django.http import Http404, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from . import text_search
from .cache_versions import version
from .query_names import named_values
from .query_params import integer, text
from .search_text import fold

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+")
VOCABULARY_WORD = re.compile(r"\w{3,}")
# How much a facet value named in the query ("Senegal", "santé") weighs the relevance
# of a result that has it (see `weighed`): enough to lift a match in Senegal above an
# equal or slightly better one elsewhere, not above a much better one nor one with more
# of the words. Such results are ranked higher, never added or filtered out.
NAMED_VALUE_BOOST = 0.6
FACETS_SECONDS = 3600

# Sent when a visitor's words are searched on the first page of a list (not by feeds or
# exports): the search app counts them for its "searches without results" report.
searched = Signal()  # kwargs: query (folded words), language, results


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    labels: Callable  # language code -> {value: label}: also the values a URL may carry
    order: str = "count"  # "count" (most first), "label", or "number" (highest first)
    shown: int | None = None  # at most this many options (chosen ones are always shown)
    named: bool = False  # whether the query may name its values ("Senegal", "santé")


@dataclass(frozen=True)
class Range:
    """Two bounds on one of the rows' sort fields, e.g. the start year."""

    low: str  # parameter names
    high: str
    field: str
    label: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Sort:
    label: str
    field: str = ""  # the rows' sort field; none for "relevance", the text search's order
    descending: bool = False


@dataclass(frozen=True)
class Row:
    """What the engine needs of one item: built for every item of a locale at once."""

    kind: str  # the text-search kind ("practice", "document", ...)
    pk: int
    title: str
    values: dict  # facet param -> tuple of values
    sort: dict = field(default_factory=dict)  # sort field -> comparable value
    # Set on a page of another language offered because the list's has no translation
    # of it (website/language_fallback.py): the text search then looks in its language.
    language: str = ""


@dataclass(frozen=True)
class Listing:
    name: str
    facets: tuple
    sorts: dict  # URL value -> Sort
    default_sort: str  # without words
    page_size: int
    rows: Callable  # locale -> [Row], in a fixed number of queries
    versions: tuple  # cache versions the rows depend on
    kinds: tuple  # text-search kinds
    weigh: Callable | None = None  # row -> factor of its relevance (see `weighed`)
    ranges: tuple = ()
    max_values: int = 20  # per facet in a URL
    max_page: int | None = None  # a page number beyond this is a 404


@dataclass(frozen=True)
class State:
    q: str = ""
    selected: dict = field(default_factory=dict)  # facet param -> tuple of values
    bounds: dict = field(default_factory=dict)  # range param -> int
    sort: str = ""
    page: int = 1

    @property
    def words(self):
        return tuple(WORD.findall(fold(self.q)))

    @property
    def is_filtered(self):
        return bool(self.q or self.selected or self.bounds)

    def querydict(self, page=False):
        params = QueryDict(mutable=True)
        if self.q:
            params["q"] = self.q
        for param, values in self.selected.items():
            params.setlist(param, list(values))
        for param, value in self.bounds.items():
            params[param] = str(value)
        if self.sort:
            params["sort"] = self.sort
        if page and self.page > 1:
            params["page"] = str(self.page)
        return params

    @property
    def query_string(self):
        """The state without its page: for feeds, exports and the pages of results."""
        return self.querydict().urlencode()

    def url(self, **changes):
        """A link to the state with `changes` (on its first page unless one is given)."""
        changed = replace(self, **{"page": 1, **changes})
        return "?" + changed.querydict(page=True).urlencode()

    def toggled(self, param, value):
        values = self.selected.get(param, ())
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        selected = {k: v for k, v in {**self.selected, param: values}.items() if v}
        return self.url(selected=selected)

    def without(self, param):
        """A link to the state without one filter (a facet or a bound)."""
        selected = {k: v for k, v in self.selected.items() if k != param}
        bounds = {k: v for k, v in self.bounds.items() if k != param}
        return self.url(selected=selected, bounds=bounds)


def parse(listing, params, language):
    """The state a query string asks for; what the list does not know reads as absent."""
    selected = {}
    for facet in listing.facets:
        allowed = facet.labels(language)
        values = [v for v in dict.fromkeys(params.getlist(facet.param)) if v in allowed]
        if values:
            selected[facet.param] = tuple(values[: listing.max_values])
    bounds = {}
    for bound in listing.ranges:
        for param in (bound.low, bound.high):
            value = integer(params.get(param), minimum=bound.minimum, maximum=bound.maximum)
            if value is not None:
                bounds[param] = value
    page = integer(params.get("page"), default=1, minimum=1)
    if listing.max_page and page > listing.max_page:
        raise Http404("No such page of results")
    sort = params.get("sort")
    return State(
        q=text(params.get("q"), MAX_QUERY_LENGTH),
        selected=selected,
        bounds=bounds,
        sort=sort if sort in listing.sorts else "",
        page=page,
    )


@dataclass
class RowSet:
    rows: list
    versions: tuple = ()  # of the data they were read from
    _vocabulary: list | None = None
    _by_key: dict | None = None
    _foreign: dict | None = None
    unfiltered: dict = field(default_factory=dict)  # sort -> what `_select` found
    _having: dict = field(default_factory=dict)  # param -> {value: [row]}

    def having(self, param, value):
        """The rows with `value` among their `param` values (indexed on first use)."""
        index = self._having.get(param)
        if index is None:
            index = self._having[param] = defaultdict(list)
            for row in self.rows:
                for found in row.values[param]:
                    index[found].append(row)
        return index.get(value, ())

    @property
    def by_key(self):
        """{(kind, pk): row}, to read the text search's matches."""
        if self._by_key is None:
            self._by_key = {(row.kind, row.pk): row for row in self.rows}
        return self._by_key

    @property
    def foreign(self):
        """{kind: [pk]} of the rows of other languages, for the text search."""
        if self._foreign is None:
            self._foreign = defaultdict(list)
            for row in self.rows:
                if row.language:
                    self._foreign[row.kind].append(row.pk)
        return self._foreign

    @property
    def vocabulary(self):
        """The words of the titles, for spelling hints."""
        if self._vocabulary is None:
            words = {w for row in self.rows for w in VOCABULARY_WORD.findall(fold(row.title))}
            self._vocabulary = sorted(words)
        return self._vocabulary


# Kept in each process rather than in the shared cache: unpickling thousands of rows on
# every request would cost more than the request. The versions in the key are shared,
# so every process sees an edit as soon as it is made.
_built = {}


def rows_of(listing, locale):
    versions = tuple(version(name) for name in listing.versions)
    key = (listing.name, locale.pk)
    built = _built.get(key)
    if built is None or built.versions != versions:
        built = _built[key] = RowSet(listing.rows(locale), versions)
    return built


@dataclass
class Selection:
    """A state's items in order, with the facet counts under the other choices."""

    listing: Listing
    state: State
    language: str
    rowset: RowSet
    rows: list
    counts: dict  # facet param -> {value: count}
    without: Counter  # filter param -> items shown if it alone were removed
    search: object = None  # website.text_search.TextSearch, when there are words
    naming: frozenset = frozenset()  # the words that named facet values


def select(listing, locale, state):
    language = locale.language_code
    rowset = rows_of(listing, locale)
    if state.is_filtered:
        chosen = _select(listing, rowset, state, language)
    else:
        # The unfiltered list, every visitor's first page, is the same until the rows
        # change: sorted and counted once per sort instead of on each request.
        sort = effective_sort(listing, state)
        chosen = rowset.unfiltered.get(sort)
        if chosen is None:
            chosen = rowset.unfiltered[sort] = _select(listing, rowset, state, language)
    rows, counts, without, search, naming = chosen
    return Selection(listing, state, language, rowset, rows, counts, without, search, naming)


def _select(listing, rowset, state, language):
    candidates, scores, search, naming = _candidates(listing, rowset, state, language)
    chosen = {param: set(values) for param, values in state.selected.items()}
    counts = {facet.param: defaultdict(int) for facet in listing.facets}
    without = Counter()
    kept = []
    for row in candidates:
        failing = [p for p, wanted in chosen.items() if wanted.isdisjoint(row.values[p])]
        failing += _failing_bounds(listing, state, row)
        if len(failing) > 1:
            continue
        if failing:
            without[failing[0]] += 1
        for param in failing or counts:
            counted = counts.get(param)
            if counted is not None:  # a range bound is no facet
                for value in row.values[param]:
                    counted[value] += 1
        if not failing:
            kept.append(row)
    rows = _ordered(listing, state, kept, scores)
    return rows, counts, without, search, naming


def _candidates(listing, rowset, state, language):
    """The rows the words find (all rows without words), and their relevance."""
    words = state.words
    if not words:
        return rowset.rows, {}, None, frozenset()
    search = text_search.search(state.q, language, listing.kinds, also=rowset.foreign)
    named, naming = named_values(listing.facets, words)
    rows, scores = [], {}
    for match in search.matches:
        row = rowset.by_key.get((match.kind, match.pk))
        if row is None:  # not listed: unpublished, private, or another language's
            continue
        factor = 1.0
        for param, values in named.items():
            if not values.isdisjoint(row.values[param]):
                factor += NAMED_VALUE_BOOST
        if listing.weigh:
            factor *= listing.weigh(row)
        scores[row.kind, row.pk] = weighed(match.score, factor) if factor != 1 else match.score
        rows.append(row)
    return rows, scores, search, frozenset(naming)


def weighed(score, factor):
    """A text search's score with its relevance weighed by `factor`: the whole part (how
    many of the visitor's words were found) is kept, so a result with more of them stays
    above; the relevance, below 1, is weighed as odds so that it stays below 1."""
    found, relevance = divmod(score, 1)
    odds = relevance / (1 - relevance) * factor
    return found + odds / (1 + odds)


def _failing_bounds(listing, state, row):
    failing = []
    for bound in listing.ranges:
        value = row.sort[bound.field]
        low, high = state.bounds.get(bound.low), state.bounds.get(bound.high)
        if low is not None and (value is None or value < low):
            failing.append(bound.low)
        if high is not None and (value is None or value > high):
            failing.append(bound.high)
    return failing


def effective_sort(listing, state):
    if state.sort and (state.sort != "relevance" or state.words):
        return state.sort
    return "relevance" if state.words else listing.default_sort


def _ordered(listing, state, rows, scores):
    def by(sort):
        return lambda row: (row.sort[sort.field], row.pk)

    default = listing.sorts[listing.default_sort]
    if default.field:
        rows = sorted(rows, key=by(default), reverse=default.descending)
    sort = listing.sorts[effective_sort(listing, state)]
    if not sort.field:  # relevance; ties in the default order
        return sorted(rows, key=lambda row: -scores.get((row.kind, row.pk), 0))
    return sorted(rows, key=by(sort), reverse=sort.descending)


def first(listing, locale, params, limit):
    """The first `limit` rows of the selection a query string asks for: feeds, exports."""
    state = replace(parse(listing, params, locale.language_code), page=1)
    return select(listing, locale, state).rows[:limit]


def filters_in_words(listing, params, language):
    """What a query string selects as a reader names it (a feed's name): the searched
    words, the chosen values' labels, the bounds."""
    state = parse(listing, params, language)
    words = [_("“%(words)s”") % {"words": state.q}] if state.q else []
    for facet in listing.facets:
        chosen = state.selected.get(facet.param, ())
        labels = facet.labels(language) if chosen else {}
        words += [str(labels[value]) for value in chosen]
    for bound in listing.ranges:
        words += _bounds_in_words(state.bounds.get(bound.low), state.bounds.get(bound.high))
    return words


def _bounds_in_words(low, high):
    if low and high:
        return [f"{low}–{high}"]
    if low:
        return [_("since %(year)s") % {"year": low}]
    return [_("until %(year)s") % {"year": high}] if high else []


@dataclass(frozen=True)
class FacetOption:
    param: str
    value: str
    label: str
    count: int
    selected: bool
    state: State

    @property
    def url(self):
        """The list with this value chosen or, if it was, no longer: asked for only by the
        chosen filters' links, so not built for the hundred options of a form."""
        return self.state.toggled(self.param, self.value)


@dataclass(frozen=True)
class FacetView:
    param: str
    label: str
    options: list

    @property
    def chosen(self):
        """Whether the visitor picked one of its values: its group is then shown open."""
        return any(option.selected for option in self.options)


@dataclass(frozen=True)
class RangeView:
    range: Range
    low: int | None
    high: int | None

    @property
    def chosen(self):
        return self.low is not None or self.high is not None


@dataclass(frozen=True)
class DropOption:
    label: str
    count: int
    url: str


@dataclass
class Result:
    """A page of a list: what its template shows and every link that changes it."""

    listing: Listing
    state: State
    total: int
    rows: list  # this page's rows
    items: list  # this page's objects, loaded by the list
    facets: list
    ranges: list
    page: int
    last_page: int
    suggestion: str = ""
    unmatched: tuple = ()  # the visitor's words (as typed) that found nothing
    drop_filters: list = field(default_factory=list)
    counted: bool = False  # sent to the searches report: the response must not be cached
    # The facets form (a hundred options, the costliest part of the page to render) is
    # the same for every visitor of a state until the rows change: kept under this key.
    # Not with words: their counts follow the search index, which is updated after the
    # commit that changes the rows.
    facets_key: str = ""
    facets_seconds: ClassVar[int] = FACETS_SECONDS

    @property
    def query_string(self):
        return self.state.query_string

    def page_url(self, number):
        return self.state.url(page=number)

    @property
    def previous_url(self):
        return self.page_url(self.page - 1)

    @property
    def next_url(self):
        return self.page_url(self.page + 1)

    @property
    def first_number(self):
        return (self.page - 1) * self.listing.page_size + 1

    @property
    def sort(self):
        return effective_sort(self.listing, self.state)

    @property
    def sort_options(self):
        return [
            (key, sort.label)
            for key, sort in self.listing.sorts.items()
            if key != "relevance" or self.state.words
        ]

    @property
    def suggestion_url(self):
        return self.state.url(q=self.suggestion)

    @property
    def without_unmatched_url(self):
        """The search with the words that found nothing left out (none if no word is left)."""
        kept = [w for w in WORD.findall(self.state.q) if w not in self.unmatched]
        return self.state.url(q=" ".join(kept)) if kept else ""


def run(listing, locale, state, load):
    """A page of the list for a state (see `parse`); `load(rows)` gives its objects."""
    chosen = select(listing, locale, state)
    size = listing.page_size
    last_page = max(1, -(-len(chosen.rows) // size))
    page = min(state.page, last_page)
    rows = chosen.rows[(page - 1) * size : page * size]
    result = Result(
        listing=listing,
        state=state,
        total=len(chosen.rows),
        rows=rows,
        items=load(rows),
        facets=[_facet_view(facet, chosen) for facet in listing.facets],
        ranges=[
            RangeView(r, state.bounds.get(r.low), state.bounds.get(r.high)) for r in listing.ranges
        ],
        page=page,
        last_page=last_page,
    )
    if not state.words:
        parts = (listing.name, chosen.language, *chosen.rowset.versions, state.query_string)
        result.facets_key = ":".join(parts)
    if chosen.search is not None:
        result.unmatched = unmatched_words(state.q, chosen.search, chosen.naming)
    if not chosen.rows:
        _explain_empty(result, chosen)
    if state.words and state.page == 1:
        query = " ".join(state.words)
        searched.send(listing.name, query=query, language=chosen.language, results=result.total)
        result.counted = True
    return result


def _facet_view(facet, chosen):
    labels = facet.labels(chosen.language)
    counts = chosen.counts[facet.param]
    picked = chosen.state.selected.get(facet.param, ())
    values = [v for v, _count in counts.items() if v] + [v for v in picked if v not in counts]
    order = {
        "count": lambda v: (-counts[v], str(labels.get(v, v))),
        "label": lambda v: str(labels.get(v, v)),
        "number": lambda v: -int(v),
    }[facet.order]
    values.sort(key=order)
    if facet.shown:
        values = [v for n, v in enumerate(values) if n < facet.shown or v in picked]
    options = [
        FacetOption(
            param=facet.param,
            value=value,
            label=str(labels.get(value, value)),
            count=counts[value],
            selected=value in picked,
            state=chosen.state,
        )
        for value in values
    ]
    return FacetView(facet.param, facet.label, options)


def _explain_empty(result, chosen):
    """Why nothing was found, and what to try: a spelling hint from the titles and each
    filter whose removal would show results (the words that found nothing are named on
    every page of results)."""
    state, listing = chosen.state, chosen.listing
    if chosen.search is not None:
        result.suggestion = spelling_hint(state.words, chosen.rowset.vocabulary)
    labels = {facet.param: facet.label for facet in listing.facets}
    for bound in listing.ranges:
        labels.update({bound.low: bound.label, bound.high: bound.label})
    result.drop_filters = [
        DropOption(labels[param], count, state.without(param))
        for param, count in chosen.without.items()
    ]


def unmatched_words(q, search, naming=frozenset()):
    """The visitor's words, as typed, that the text search found nothing for; a word
    that names a facet value ("Senegal") did find something."""
    unmatched = set(search.unmatched) - set(naming)
    return tuple(word for word in WORD.findall(q) if fold(word) in unmatched)


def spelling_hint(words, vocabulary):
    """'integraton' → 'integration', from the words of the list's titles."""
    fixed = [
        (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8) or [word])[0]
        if len(word) > 3
        else word
        for word in words
    ]
    return " ".join(fixed) if fixed != list(words) else ""


def not_cached_if_counted(response, result):
    """A counted search must reach the server every time (website/page_cache.py)."""
    if result.counted:
        patch_cache_control(response, private=True, max_age=0)
    return response
