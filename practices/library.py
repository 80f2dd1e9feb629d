"""The practice library's query: read it from the URL, filter, count facets, sort, page.

Everything the visitor chose lives in the query string, so a result page can be shared,
bookmarked and subscribed to (the feeds and exports read the same state).
"""

import hashlib
import re
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from website.cache_versions import PAGES_VERSION, cached
from website.query_params import integer, text
from website.search_backends import search_ids
from website.search_text import fold

from .facet_index import facet_index, select
from .models import PracticeCountry, PracticePage, PracticeStatus
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 20
MAX_TEXT_MATCHES = 2000
PAGE_SIZE = 20
MAX_PAGE = 99999
FIRST_YEAR, LAST_YEAR = 1950, 2100
SORTS = {"relevance": _("Relevance"), "newest": _("Newest"), "title": _("Title")}
# Only words reach the search backend: quotes and operators mean different things (or
# syntax errors) on SQLite FTS5, PostgreSQL and Elasticsearch.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    through_field: str = ""  # the PracticePage many-to-many field, for taxonomy facets
    taxonomy: type | None = None

    def through(self):
        return getattr(PracticePage, self.through_field).through


FACETS = [
    Facet("country", _("Country")),
    Facet("theme", _("Theme"), "themes", Theme),
    Facet("group", _("Target group"), "target_groups", TargetGroup),
    Facet("sdg", _("SDG target"), "sdg_targets", SDGTarget),
    Facet(
        "organisation", _("Implementing organisation"), "implementing_organisations", Organisation
    ),
    Facet("funder", _("Funder"), "funders", Organisation),
    Facet("status", _("Status")),
    Facet("decade", _("Started in")),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


@dataclass(frozen=True)
class LibraryState:
    q: str = ""
    selected: dict = field(default_factory=dict)  # facet param -> tuple of values
    since: int | None = None
    until: int | None = None
    sort: str = ""
    page: int = 1

    @property
    def is_filtered(self):
        return bool(self.q or self.selected or self.since or self.until)

    @property
    def effective_sort(self):
        if self.sort in SORTS and (self.sort != "relevance" or self.q):
            return self.sort
        return "relevance" if self.q else "newest"

    def querydict(self, page=False):
        params = QueryDict(mutable=True)
        if self.q:
            params["q"] = self.q
        for param, values in self.selected.items():
            params.setlist(param, list(values))
        for name in ("since", "until"):
            if getattr(self, name):
                params[name] = str(getattr(self, name))
        if self.sort:
            params["sort"] = self.sort
        if page and self.page > 1:
            params["page"] = str(self.page)
        return params

    def toggled(self, param, value):
        """The state with one facet value added or removed (back on page 1)."""
        values = self.selected.get(param, ())
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        selected = {**self.selected, param: values}
        return replace(self, selected={k: v for k, v in selected.items() if v}, page=1)


def parse_state(params, language_code):
    """Read the state from a query string, dropping whatever is not a known value."""
    selected = {}
    for facet in FACETS:
        allowed = allowed_values(facet, language_code)
        values = [v for v in dict.fromkeys(params.getlist(facet.param)) if v in allowed]
        if values:
            selected[facet.param] = tuple(values[:MAX_VALUES_PER_FACET])
    return LibraryState(
        q=text(params.get("q"), MAX_QUERY_LENGTH),
        selected=selected,
        since=integer(params.get("since"), minimum=FIRST_YEAR, maximum=LAST_YEAR),
        until=integer(params.get("until"), minimum=FIRST_YEAR, maximum=LAST_YEAR),
        sort=params.get("sort") if params.get("sort") in SORTS else "",
        page=integer(params.get("page"), default=1, minimum=1, maximum=MAX_PAGE),
    )


def allowed_values(facet, language_code):
    if facet.taxonomy:
        return facet.taxonomy.labels(language_code)
    if facet.param == "country":
        return dict(all_countries)
    if facet.param == "status":
        return dict(PracticeStatus.choices)
    return {str(decade): str(decade) for decade in range(FIRST_YEAR, LAST_YEAR + 1, 10)}


def practices_in(locale):
    return PracticePage.objects.live().public().filter(locale=locale)


def text_matches(base, q):
    """Ids of the practices matching the words, best first, through Wagtail's search API
    (the same code on the database backend and on Elasticsearch, which may fall back)."""
    return search_ids(base, WORD.findall(fold(q)), MAX_TEXT_MATCHES)


def filtered(base, state, matches=None, exclude=None):
    """`base` narrowed by every choice in `state` except the facet `exclude`."""
    queryset = base if matches is None else base.filter(pk__in=matches)
    for param, values in state.selected.items():
        if param != exclude:
            queryset = queryset.filter(_facet_filter(FACETS_BY_PARAM[param], values))
    if state.since:
        queryset = queryset.filter(start_year__gte=state.since)
    if state.until:
        queryset = queryset.filter(start_year__lte=state.until)
    return queryset


def _facet_filter(facet, values):
    if facet.param == "country":
        return Q(pk__in=PracticeCountry.objects.filter(country__in=values).values("page_id"))
    if facet.param == "status":
        return Q(status__in=values)
    if facet.param == "decade":
        decades = Q()
        for decade in map(int, values):
            decades |= Q(start_year__gte=decade, start_year__lt=decade + 10)
        return decades
    target = facet.taxonomy.facet_field
    through = facet.through()
    related = through._meta.get_field(facet.taxonomy._meta.model_name).name
    links = through.objects.filter(**{f"{related}__{target}__in": values})
    return Q(pk__in=links.values("practicepage_id"))


def in_order(ids):
    practices = PracticePage.objects.filter(pk__in=ids).prefetch_related("country_links", "themes")
    by_id = {practice.pk: practice for practice in practices}
    return [by_id[pk] for pk in ids if pk in by_id]


def last_page(total):
    return max(1, -(-total // PAGE_SIZE))


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass(frozen=True)
class FacetView:
    param: str
    label: str
    options: list


@dataclass(frozen=True)
class LibraryResult:
    state: LibraryState
    total: int
    practices: list
    facets: list
    page: int
    last_page: int
    query_string: str

    def page_url(self, number):
        return "?" + replace(self.state, page=number).querydict(page=True).urlencode()

    @property
    def previous_url(self):
        return self.page_url(self.page - 1)

    @property
    def next_url(self):
        return self.page_url(self.page + 1)

    @property
    def first_number(self):
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def sort_options(self):
        return [(key, label) for key, label in SORTS.items() if key != "relevance" or self.state.q]


def run(locale, params, language_code):
    """The whole library page for a query string.

    The facet counts and the ordered ids of a selection are cached until a page changes,
    so paging through results or coming back to a search costs no facet queries.
    """
    state = parse_state(params, language_code)
    counts, ids = cached(
        PAGES_VERSION,
        f"library:{locale.pk}:{selection_key(state)}",
        lambda: selection(locale, state),
    )
    page = min(state.page, last_page(len(ids)))
    return LibraryResult(
        state=state,
        total=len(ids),
        practices=in_order(ids[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]),
        facets=[_facet_view(facet, state, counts[facet.param], language_code) for facet in FACETS],
        page=page,
        last_page=last_page(len(ids)),
        query_string=state.querydict().urlencode(),
    )


def selection(locale, state):
    matches = text_matches(practices_in(locale), state.q) if state.q else None
    return select(facet_index(locale), state, matches)


def selection_key(state):
    text = replace(state, page=1, sort=state.effective_sort).querydict().urlencode()
    return hashlib.sha256(text.encode()).hexdigest()


def _facet_view(facet, state, counts, language_code):
    labels = facet_labels(facet, language_code)
    chosen = state.selected.get(facet.param, ())
    values = sorted(set(counts) | set(chosen), key=lambda v: (-counts.get(v, 0), labels.get(v, v)))
    options = [
        FacetOption(
            value=value,
            label=labels.get(value, value),
            count=counts.get(value, 0),
            selected=value in chosen,
            url="?" + state.toggled(facet.param, value).querydict().urlencode(),
        )
        for value in values
    ]
    return FacetView(facet.param, facet.label, options)


def facet_labels(facet, language_code):
    if facet.param == "decade":
        return {
            str(decade): _("%(start)s–%(end)s") % {"start": decade, "end": decade + 9}
            for decade in range(FIRST_YEAR, LAST_YEAR + 1, 10)
        }
    return allowed_values(facet, language_code)
