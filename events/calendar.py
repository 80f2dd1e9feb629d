"""The calendar's listings: filters from the URL, upcoming and past events, a month grid."""

import calendar as month_calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.utils import timezone
from django_countries import countries as all_countries

from practices.taxonomy import Theme
from website.cache_versions import PAGES_VERSION, cached
from website.language_fallback import offered
from website.query_params import integer

from .models import EventCountry, EventPage, EventType

PAGE_SIZE = 20
MAX_PAGE = 99999
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class CalendarState:
    country: str = ""
    event_type: str = ""
    theme: str = ""
    year: int | None = None
    page: int = 1

    def querydict(self, page=False):
        params = QueryDict(mutable=True)
        for name, value in (
            ("country", self.country),
            ("type", self.event_type),
            ("theme", self.theme),
        ):
            if value:
                params[name] = value
        if self.year:
            params["year"] = str(self.year)
        if page and self.page > 1:
            params["page"] = str(self.page)
        return params

    @property
    def is_filtered(self):
        return bool(self.country or self.event_type or self.theme or self.year)


def parse_state(params, language_code):
    """Read the filters, ignoring values that are not known ones."""
    country = params.get("country", "").upper()
    event_type = params.get("type", "")
    theme = params.get("theme", "")
    return CalendarState(
        country=country if country in dict(all_countries) else "",
        event_type=event_type if event_type in EventType.values else "",
        theme=theme if theme in Theme.labels(language_code) else "",
        year=integer(params.get("year"), minimum=FIRST_YEAR, maximum=LAST_YEAR),
        page=integer(params.get("page"), default=1, minimum=1, maximum=MAX_PAGE),
    )


def filters_in_words(state, language_code):
    """What the calendar's filters select as a reader names it (a feed's name)."""
    words = [
        str(all_countries.name(state.country)) if state.country else "",
        str(EventType(state.event_type).label) if state.event_type else "",
        Theme.labels(language_code)[state.theme] if state.theme else "",
        str(state.year or ""),
    ]
    return [word for word in words if word]


def events_in(locale):
    return EventPage.objects.live().public().filter(locale=locale)


def events_offered(locale):
    """What the calendar's pages list: the locale's events and those not translated
    into it (the feeds still carry the locale's own events only)."""
    return offered(EventPage.objects.live().public(), locale)


def filtered(events, state):
    # Subqueries rather than joins: no duplicate rows, so no DISTINCT over every column
    # (which made the 304 check of a 2,000-event feed cost 5 ms).
    if state.country:
        countries = EventCountry.objects.filter(country=state.country).values("page_id")
        events = events.filter(pk__in=countries)
    if state.event_type:
        events = events.filter(event_type=state.event_type)
    if state.theme:
        tagged = EventPage.themes.through.objects.filter(theme__slug=state.theme)
        events = events.filter(pk__in=tagged.values("eventpage_id"))
    if state.year:
        events = events.filter(start_date__year__lte=state.year, end_date__year__gte=state.year)
    return events


@dataclass(frozen=True)
class Listing:
    state: CalendarState
    months: list  # [(first day of the month, [events])]
    page: object
    filters: dict
    query_string: str
    past: bool

    def page_url(self, number):
        return "?" + replace(self.state, page=number).querydict(page=True).urlencode()

    @property
    def previous_url(self):
        return self.page_url(self.page.number - 1)

    @property
    def next_url(self):
        return self.page_url(self.page.number + 1)


def upcoming(index, request):
    return _listing(index, request, past=False)


def past(index, request):
    return _listing(index, request, past=True)


def selected(locale, state, past):
    """The upcoming events for a state, soonest first, or the past ones, latest first:
    the calendar's pages and its exports."""
    now = timezone.now()
    events = filtered(events_offered(locale), state)
    if past:
        return events.filter(ends_at__lt=now).order_by("-starts_at")
    return events.filter(ends_at__gte=now).order_by("starts_at")


def _listing(index, request, past):
    language = index.locale.language_code
    state = parse_state(request.GET, language)
    events = selected(index.locale, state, past)
    paginator = Paginator(with_card_data(events), PAGE_SIZE)
    page = paginator.get_page(state.page)
    return Listing(
        state=state,
        months=by_month(page.object_list),
        page=page,
        filters=filter_options(index.locale, language),
        query_string=state.querydict().urlencode(),
        past=past,
    )


def with_card_data(events):
    return events.select_related("locale").prefetch_related("country_links")


def by_month(events):
    months = []
    for event in events:
        month = event.start_date.replace(day=1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(event)
    return months


def filter_options(locale, language):
    years = cached(
        PAGES_VERSION,
        f"calendar-years:{locale.pk}",
        lambda: list(events_offered(locale).dates("start_date", "year")),
    )
    return {
        "types": EventType.choices,
        "themes": sorted(Theme.labels(language).items(), key=lambda item: item[1]),
        "countries": [(code, all_countries.name(code)) for code in ("MA", "CI", "ML", "SN")],
        "years": sorted({day.year for day in years}, reverse=True),
    }


@dataclass(frozen=True)
class MonthGrid:
    first_day: date
    weeks: list  # [[(day, [events]) for 7 days]]
    has_events: bool
    previous: date
    next: date
    filters: dict
    state: CalendarState
    query_string: str


def month_grid(index, request, year, month):
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404
    language = index.locale.language_code
    state = parse_state(request.GET, language)
    first = date(year, month, 1)
    last = date(year, month, month_calendar.monthrange(year, month)[1])
    events = list(
        filtered(events_offered(index.locale), state)
        .filter(start_date__lte=last, end_date__gte=first)
        .select_related("locale")
        .order_by("starts_at")
    )
    weeks = [
        [(day, [e for e in events if e.start_date <= day <= e.end_date]) for day in week]
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    return MonthGrid(
        first_day=first,
        weeks=weeks,
        has_events=bool(events),
        previous=(first - timedelta(days=1)).replace(day=1),
        next=last + timedelta(days=1),
        filters=filter_options(index.locale, language),
        state=state,
        query_string=state.querydict().urlencode(),
    )
