"""How an event reads: its dates in its own time zone, its place, its labels."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices.cards import cards
from practices.models import PracticePage
from practices.taxonomy import Organisation, Theme
from website.cache_versions import PAGES_VERSION, cached
from website.typography import join_names, list_separator

from . import availability
from .registration_settings import registration_event


def when(event):
    """'24 février 2027, 09:00–12:30 (+00)' or '14–15 juin 2011' in the event's zone."""
    start, end = event.local_start, event.local_end
    days = date_format(start, "DATE_FORMAT")
    if event.end_date != event.start_date:
        days = _("%(start)s to %(end)s") % {
            "start": days,
            "end": date_format(end, "DATE_FORMAT"),
        }
    if event.all_day or not event.start_time:
        return days
    hours = time_format(start, "H:i")
    if event.end_time:
        hours += "–" + time_format(end, "H:i")
    # A left-to-right isolate keeps "09:30–12:30 (+00)" in order inside Arabic text.
    return f"{days}{list_separator()}\u2066{hours} ({start.strftime('%Z')})\u2069"


def where(event):
    parts = [event.venue, event.city, str(event.country.name) if event.country else ""]
    place = join_names(parts)
    if event.online_url:
        return _("%(place)s and online") % {"place": place} if place else _("Online")
    return place


def event_context(event, request):
    language = get_language()
    theme_labels = Theme.labels(language)
    organiser_labels = Organisation.labels(language)
    return {
        "when": when(event),
        "where": where(event),
        "themes": [theme_labels.get(t.slug, t.name) for t in event.themes.all()],
        "organisers": [organiser_labels.get(o.slug, o.name) for o in event.organisers.all()],
        "countries": [link.country for link in event.country_links.all()],
        "languages": [
            label
            for code, label in event._meta.get_field("interpretation_languages").choices
            if code in event.interpretation_languages
        ],
        "related_practices": related_practices(event),
        # A new event previewed before its first save has no address yet.
        "ical_url": event.url + "ical/" if event.pk else "#",
        "registration": registration_notice(event),
        "breadcrumbs": event.get_ancestors().filter(depth__gt=1),
    }


def related_practices(event):
    """The live practices the event names, in its language: matched on their translation
    key, as a translated event may still name the source language's practices. The
    relation is read as a list: in a preview it holds the editor's unsaved choice, in
    memory, not in the database."""
    chosen = [practice.translation_key for practice in event.related_practices.all()]
    named = (
        PracticePage.objects.live()
        .public()
        .filter(translation_key__in=chosen, locale_id=event.locale_id)
        .order_by("title")
    )
    return cards(named.values_list("pk", flat=True))


def registration_notice(event):
    """Whether the page offers its registration form, or why not (None: not offered)."""
    source = registration_event(event)
    current = availability.state(source)
    if current == "disabled":
        return None
    kwargs = {"page_id": event.pk}
    return {
        "open": current == availability.OPEN,
        "url": reverse("registrations:register", kwargs=kwargs) if event.pk else "#",
        "find_url": reverse("registrations:find", kwargs=kwargs) if event.pk else "#",
        "message": availability.reason(source, current),
    }


def all_day_end(event):
    """iCalendar's DTEND of an all-day event is the day after the last one."""
    return event.end_date + timedelta(days=1)


def upcoming_events(locale_id, count=3):
    """For the home page: the next events of the language, kept until a page changes,
    for five minutes at most (an event that has just ended may stay that long)."""
    from .models import EventPage

    def load():
        return list(
            EventPage.objects.live()
            .public()
            .filter(locale_id=locale_id, ends_at__gte=timezone.now())
            .order_by("starts_at")[:count]
        )

    return cached(PAGES_VERSION, f"upcoming:{locale_id}:{count}", load, timeout=300)
