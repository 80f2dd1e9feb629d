"""Each event's VEVENT, written once when the event is published and stored with it.

icalendar serialises about 1,500 events a second, so a 2,000-event feed built from page
objects took seconds, in every process. Stored, a feed is the join of texts read by one
query (events/ical.py). An entry is written again when its event is published, when a
theme it names is renamed (signals.py) and when the time-zone rules change (read below:
the feed writes any entry that is missing, older than its event's publication or written
under other rules or another site address).
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone, translation
from icalendar import Event, vRecur
from wagtail.models import PageLogEntry

from practices.taxonomy import Theme
from website.public_url import page_url

from .models import CalendarEntry, EventPage, EventStatus
from .presentation import all_day_end, where
from .timezones import zone_rules

UID_DOMAIN = "south-south-migration-exchange"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def write(event_ids):
    """Write the entries of these events (each in its own language) and return their
    texts by event id."""
    events = (
        with_sequence(EventPage.objects.filter(pk__in=list(event_ids)))
        .select_related("locale")
        .prefetch_related("themes")
    )
    under, now = written_under(), timezone.now()
    entries = []
    for event in events:
        language = event.locale.language_code
        with translation.override(language):
            text = vevent(event, Theme.labels(language)).to_ical().decode()
        entries.append(CalendarEntry(page=event, vevent=text, written_under=under, written_at=now))
    CalendarEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["vevent", "written_under", "written_at"],
    )
    return {entry.page_id: entry.vevent for entry in entries}


def written_under():
    """What every entry depends on besides its event: the time-zone rules and the site's
    address. An entry written under others is out of date."""
    return f"{zone_rules()} {settings.PUBLIC_BASE_URL}"


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


def vevent(event, theme_labels):
    """The event as a VEVENT, in the active language."""
    item = Event()
    item.add("uid", f"{event.translation_key}-{event.locale.language_code}@{UID_DOMAIN}")
    stamp = event.last_published_at or datetime.now(UTC)
    item.add("dtstamp", stamp)
    item.add("last-modified", stamp)
    if event.first_published_at:
        item.add("created", event.first_published_at)
    item.add("sequence", max((getattr(event, "publish_count", None) or 1) - 1, 0))
    item.add("summary", event.title)
    add_times(item, event)
    url = page_url(event)
    item.add("url", url)
    item.add("description", f"{event.summary}\n\n{url}")
    location = where(event)
    if location:
        item.add("location", location)
    themes = [theme_labels.get(theme.slug, theme.name) for theme in event.themes.all()]
    item.add("categories", [event.get_event_type_display(), *themes])
    item.add("status", ICAL_STATUS[event.status])
    item.add("transp", "OPAQUE")
    return item


def add_times(item, event):
    """All day: dates with an exclusive end. Several days with hours that end after they
    start each day (a workshop from 9:00 to 17:00 on 8 and 9 June): those hours, repeated
    daily, as the event page reads them, not one block through the nights."""
    if event.all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", all_day_end(event))
        return
    start = event.local_start
    days = (event.end_date - event.start_date).days + 1
    if days > 1 and event.end_time and event.end_time > event.start_time:
        item.add("dtstart", start)
        item.add("dtend", datetime.combine(event.start_date, event.end_time, event.zone))
        item.add("rrule", vRecur(freq="DAILY", count=days))
        return
    item.add("dtstart", start)
    item.add("dtend", event.local_end if event.end_time else start)
