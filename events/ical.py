"""iCalendar (RFC 5545) files for one event and for the calendar, built with icalendar.

Conditional requests are answered from one aggregate query (ETag, Last-Modified), so a
calendar client that polls every few minutes costs almost nothing when nothing changed.
"""

import hashlib
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from icalendar import Calendar, Event
from icalendar.timezone.tzid import tzid_from_tzinfo
from wagtail.models import PageLogEntry

from practices.taxonomy import Theme
from website.cache_versions import TAXONOMY_VERSION, version
from website.feeds import named_in_words
from website.public_url import page_url

from .calendar import events_in, filtered, filters_in_words, parse_state
from .models import EventStatus
from .presentation import all_day_end, where
from .timezones import vtimezone

PRODID = "-//South-South Migration Exchange//Calendar//EN"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def with_sequence(events):
    """SEQUENCE is the number of times the event was published, less the first."""
    publishes = (
        PageLogEntry.objects.filter(page_id=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return events.annotate(publish_count=Subquery(publishes))


def calendar_feed_response(request, index):
    state = parse_state(request.GET, index.locale.language_code)
    events = filtered(events_in(index.locale), state)
    name = named_in_words(index.title, filters_in_words(state, index.locale.language_code))
    return _conditional(request, events, lambda: build_calendar(request, events, name), inline=True)


def event_file_response(request, event):
    events = type(event).objects.filter(pk=event.pk)
    response = _conditional(request, events, lambda: build_calendar(request, events, event.title))
    response.setdefault(
        "Content-Disposition", f'attachment; filename="{event.slug[:60] or "event"}.ics"'
    )
    return response


def event_file(event):
    """The event's .ics file outside any request (an e-mail attachment), in the active
    language."""
    events = type(event).objects.filter(pk=event.pk)
    return build_calendar(None, events, event.title).decode()


def _conditional(request, events, build, inline=False):
    stamp = events.order_by().aggregate(
        n=Count("pk"), latest=Max("last_published_at"), ids=Sum("pk")
    )
    latest = stamp["latest"]
    labels = version(TAXONOMY_VERSION)  # theme names appear in CATEGORIES
    fingerprint = (
        f"{get_language()}|{request.GET.urlencode()}|{stamp['n']}|{stamp['ids']}|{latest}|{labels}"
    )
    etag = '"' + hashlib.sha256(fingerprint.encode()).hexdigest()[:32] + '"'
    last_modified = int(latest.timestamp()) if latest else None
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        # icalendar serialises about 1,500 events a second; the file is kept until it
        # changes (the ETag covers the events, their language and the filters).
        body = cache.get_or_set(f"ical:{etag}", build, timeout=24 * 3600)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=300"
    return response


STAMP_FIELDS = ("pk", "last_published_at", "publish_count", "start_date", "end_date")
ZONE_FIELDS = ("all_day", "time_zone")


def build_calendar(request, events, name):
    """The iCalendar file. Each event's VEVENT is serialised once and cached under what it
    depends on (its publication, language, host and the theme labels), since icalendar
    serialises only about 1,500 events a second: after one event changes, rebuilding a
    2,000-event feed reuses 1,999 of them and loads only the changed one."""
    language = get_language()
    rows = list(with_sequence(events).order_by("starts_at").values(*STAMP_FIELDS, *ZONE_FIELDS))
    host = request.get_host() if request else "site"
    prefix = f"vevent:{host}:{language}:{version(TAXONOMY_VERSION)}"
    keys = {row["pk"]: f"{prefix}:{row['pk']}:{_stamp(row)}" for row in rows}
    chunks = cache.get_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in chunks]
    if missing:
        theme_labels = Theme.labels(language)
        changed = with_sequence(events.filter(pk__in=missing)).prefetch_related("themes")
        new = {keys[e.pk]: vevent(request, e, language, theme_labels).to_ical() for e in changed}
        cache.set_many(new, timeout=7 * 24 * 3600)
        chunks.update(new)
    head = calendar_head(name, rows).to_ical()
    end = b"END:VCALENDAR\r\n"
    return head.removesuffix(end) + b"".join(chunks[keys[row["pk"]]] for row in rows) + end


def _stamp(row):
    published = row["last_published_at"].timestamp() if row["last_published_at"] else 0
    return f"{published}:{row['publish_count'] or 0}"


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


def vevent(request, event, language, theme_labels):
    item = Event()
    item.add("uid", f"{event.translation_key}-{language}@south-south-migration-exchange")
    stamp = event.last_published_at or datetime.now(UTC)
    item.add("dtstamp", stamp)
    item.add("last-modified", stamp)
    if event.first_published_at:
        item.add("created", event.first_published_at)
    item.add("sequence", max((getattr(event, "publish_count", None) or 1) - 1, 0))
    item.add("summary", event.title)
    if event.all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", all_day_end(event))
    else:
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end if event.end_time else event.local_start)
    url = page_url(event, request)
    item.add("url", url)
    item.add("description", f"{event.summary}\n\n{url}")
    location = where(event)
    if location:
        item.add("location", location)
    item.add(
        "categories",
        [
            event.get_event_type_display(),
            *(theme_labels.get(t.slug, t.name) for t in event.themes.all()),
        ],
    )
    item.add("status", ICAL_STATUS[event.status])
    item.add("transp", "OPAQUE")
    return item
