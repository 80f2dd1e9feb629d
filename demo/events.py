"""Demo calendar: the GFMD meetings of the seeds and a few example forums, in three languages."""

import json
from datetime import date, time
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from events.models import EventCountry, EventIndexPage, EventPage
from practices.taxonomy import Organisation, Theme

from .site import ensure_translation, publish_child

DATA = Path(__file__).resolve().parent / "data" / "events.json"
CALENDAR = {
    "fr": {
        "title": "Agenda",
        "slug": "agenda",
        "introduction": "Forums de dialogue, réunions du FMMD et ateliers entre les pays "
        "partenaires.",
    },
    "en": {
        "title": "Calendar",
        "slug": "calendar",
        "introduction": "Dialogue forums, GFMD meetings and workshops between the partner "
        "countries.",
    },
    "ar": {
        "title": "الأجندة",
        "slug": "calendar",
        "introduction": "منتديات الحوار واجتماعات المنتدى العالمي للهجرة والتنمية وورشات العمل "
        "بين البلدان الشريكة.",
    },
}


def seed(home, stdout=None):
    calendar = EventIndexPage.objects.child_of(home).first() or publish_child(
        home, EventIndexPage(show_in_menus=True, **CALENDAR["fr"])
    )
    for code in ("en", "ar"):
        ensure_translation(calendar, code, CALENDAR[code])
    existing = set(EventPage.objects.child_of(calendar).values_list("slug", flat=True))
    for record in json.loads(DATA.read_text(encoding="utf-8")):
        if record["key"] not in existing:
            seed_event(calendar, record, ensure_translation)
    if stdout:
        stdout.write(f"Calendar ready: {EventPage.objects.count()} event pages.")
    return calendar


def seed_event(calendar, record, ensure_translation):
    event = EventPage(
        slug=record["key"],
        event_type=record["event_type"],
        status=record["status"],
        start_date=date.fromisoformat(record["start_date"]),
        end_date=date.fromisoformat(record["end_date"]),
        all_day=record["all_day"],
        start_time=_time(record["start_time"]),
        end_time=_time(record["end_time"]),
        time_zone=record["time_zone"],
        venue=record["venue"],
        country=record["country"],
        online_url=record["online_url"],
        interpretation_languages=record["interpretation_languages"],
        is_example=record["example"],
        **_text(record, settings.LANGUAGE_CODE),
    )
    event.country_links = [EventCountry(country=code) for code in record["countries"]]
    event.themes = _terms(Theme, record["themes"])
    event.organisers = _terms(Organisation, record["organisers"])
    calendar.add_child(instance=event)
    event.save_revision().publish()
    for code in ("en", "ar"):
        ensure_translation(event, code, {**_text(record, code), "slug": record["key"]})


def _text(record, code):
    return {
        "title": record["title"][code],
        "summary": record["summary"][code],
        "city": record["city"][code],
        "agenda": [
            (
                "session",
                {
                    "date": date.fromisoformat(session["date"]),
                    "start": _time(session["start"]),
                    "end": _time(session["end"]),
                    "title": session["title"][code],
                    "speakers": session["speakers"][code],
                },
            )
            for session in record["agenda"]
        ],
    }


def _time(value):
    return time.fromisoformat(value) if value else None


def _terms(model, slugs):
    return list(model.objects.filter(locale=Locale.get_default(), slug__in=slugs))
