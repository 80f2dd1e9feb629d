"""iCalendar (RFC 5545) files for one event and for the calendar.

A file is the join of its events' stored VEVENTs (events/calendar_entries.py), read by
one query. Its ETag and Last-Modified come from database values only, so that every
process, whatever its cache, gives the same ones; a calendar client's revalidation is
answered before Wagtail routes the request (events/revalidation.py).
"""

import hashlib
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Max, Sum
from django.http import QueryDict
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from icalendar import Calendar
from icalendar.timezone.tzid import tzid_from_tzinfo

from website.feeds import named_in_words

from . import calendar_entries
from .calendar import events_in, filtered, filters_in_words, parse_state
from .models import EventPage
from .timezones import vtimezone

PRODID = "-//South-South Migration Exchange//Calendar//EN"
CACHE_CONTROL = "public, max-age=300"


@dataclass(frozen=True)
class Feed:
    """What an iCalendar address serves, once its page is found: enough to answer a
    revalidation without the page (kept by events/revalidation.py)."""

    page_id: int  # the calendar, or the event of a one-event file
    locale_id: int
    language: str
    title: str
    whole_calendar: bool

    def asked(self, params):
        """The events, name (in the calendar's language) and canonical filters the query
        string asks for, read once."""
        if not self.whole_calendar:
            return Asked(EventPage.objects.filter(pk=self.page_id), self.title, "")
        state = parse_state(params, self.language)
        with translation.override(self.language):
            name = named_in_words(self.title, filters_in_words(state, self.language))
        return Asked(
            events=filtered(events_in(self.locale_id), state),
            name=name,
            query=state.querydict().urlencode(),  # unknown filters dropped, fixed order
        )


@dataclass(frozen=True)
class Asked:
    events: object  # a queryset of EventPage
    name: str
    query: str


def calendar_feed(index):
    language = index.locale.language_code
    return Feed(index.pk, index.locale_id, language, index.title, whole_calendar=True)


def event_feed(event):
    language = event.locale.language_code
    return Feed(event.pk, event.locale_id, language, event.title, whole_calendar=False)


def event_file(event):
    """The event's .ics file outside any request (an e-mail attachment)."""
    feed = event_feed(event)
    return build(feed, QueryDict()).decode()


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: int | None

    def not_modified(self, request):
        return get_conditional_response(request, etag=self.etag, last_modified=self.last_modified)

    def mark(self, response):
        response["ETag"] = self.etag
        if self.last_modified:
            response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Control"] = CACHE_CONTROL
        return response


def conditional(request, feed):
    """The ETag and Last-Modified of the file, from one aggregate query."""
    asked = feed.asked(request.GET)
    stamp = asked.events.order_by().aggregate(
        n=Count("pk"),
        ids=Sum("pk"),
        entries=Count("calendar_entry"),
        published=Max("last_published_at"),
        written=Max("calendar_entry__written_at"),
    )
    parts = [feed.language, asked.name, asked.query, *stamp.values()]
    parts.append(calendar_entries.written_under())
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    latest = max(filter(None, [stamp["published"], stamp["written"]]), default=None)
    return Validators(f'"{digest}"', int(latest.timestamp()) if latest else None)


def build(feed, params):
    """The file: the stored entries of its events, in order, written where missing or out
    of date."""
    asked = feed.asked(params)
    rows = list(
        asked.events.order_by("starts_at").values(
            "pk",
            "last_published_at",
            "all_day",
            "time_zone",
            "start_date",
            "end_date",
            text=F("calendar_entry__vevent"),
            under=F("calendar_entry__written_under"),
            written=F("calendar_entry__written_at"),
        )
    )
    texts = {row["pk"]: row["text"] for row in rows}
    under = calendar_entries.written_under()
    stale = [row["pk"] for row in rows if _out_of_date(row, under)]
    if stale:
        texts.update(calendar_entries.write(stale))
    head = calendar_head(asked.name, rows).to_ical().decode()
    end = "END:VCALENDAR\r\n"
    body = head.removesuffix(end) + "".join(texts[row["pk"]] for row in rows) + end
    return body.encode()


def _out_of_date(row, under):
    if row["text"] is None or row["under"] != under:
        return True
    published = row["last_published_at"]
    return published is not None and row["written"] < published


def calendar_head(name, rows):
    """The calendar's properties and one VTIMEZONE per zone its timed events use."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if rows:
        first = date(min(row["start_date"].year for row in rows), 1, 1)
        last = date(max(row["end_date"].year for row in rows) + 2, 1, 1)
        zones = {row["time_zone"] for row in rows if not row["all_day"]}
        tzids = {tzid_from_tzinfo(ZoneInfo(zone)) for zone in zones}
        for tzid in sorted(tzids - {"UTC", None}):
            calendar.add_component(vtimezone(tzid, first, last))
    return calendar
