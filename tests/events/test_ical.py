import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import CalendarEntry
from tests.factories import at, make_event
from tests.services import require

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def ramadan_forum(calendar_page):
    # Morocco suspends its UTC+1 during Ramadan: on 24 February 2027 Rabat is at UTC+0.
    return make_event(
        calendar_page,
        "Forum de Rabat",
        at(2027, 2, 24, 9, 30),
        end=at(2027, 2, 24, 12, 30),
        venue="Centre de conférences",
        city="Rabat",
        country="MA",
        event_type="forum",
        themes=[],
    )


def test_event_file_round_trips_field_by_field(client, ramadan_forum, taxonomy):
    ramadan_forum.themes.set([taxonomy["diaspora"]])
    ramadan_forum.save_revision().publish()
    response = client.get(ramadan_forum.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="forum-de-rabat.ics"'
    calendar = parse(response)
    assert calendar["version"] == "2.0"
    assert calendar["method"] == "PUBLISH"
    event = events_of(calendar)["Forum de Rabat"]
    assert str(event["uid"]).endswith("-fr@south-south-migration-exchange")
    start = event.decoded("dtstart")
    assert event["dtstart"].params["TZID"] == "Africa/Casablanca"
    assert start.astimezone(UTC) == datetime(2027, 2, 24, 9, 30, tzinfo=UTC)
    assert event.decoded("dtend").astimezone(UTC) == datetime(2027, 2, 24, 12, 30, tzinfo=UTC)
    assert event.decoded("dtstamp").tzinfo is not None
    assert event.decoded("last-modified") is not None
    assert event["sequence"] == 1  # published twice
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["location"]) == "Centre de conférences, Rabat, Maroc"
    assert str(event["url"]).endswith("/fr/agenda/forum-de-rabat/")
    assert str(event["description"]).startswith("Résumé de Forum de Rabat.")
    assert [str(c) for c in event["categories"].cats] == ["Forum de dialogue", "Diaspora"]


def test_vtimezone_for_casablanca_carries_the_ramadan_offsets(client, ramadan_forum, calendar_page):
    make_event(calendar_page, "Atelier d'avril", at(2027, 4, 14, 10), end=at(2027, 4, 14, 12))
    calendar = parse(client.get(calendar_page.url + "ical/"))
    zones = {str(zone["tzid"]): zone for zone in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Africa/Casablanca"}
    offsets = {
        component.decoded("dtstart").date(): component.decoded("tzoffsetto")
        for component in zones["Africa/Casablanca"].walk()
        if component.name in ("STANDARD", "DAYLIGHT")
    }
    # The zone's transitions around Ramadan 2027 are present: to +00 before it, to +01 after.
    before = max(day for day in offsets if day <= date(2027, 2, 24))
    after = max(day for day in offsets if day <= date(2027, 4, 14))
    assert offsets[before] == timedelta(0)
    assert offsets[after] == timedelta(hours=1)
    events = events_of(calendar)
    april = events["Atelier d'avril"].decoded("dtstart").astimezone(UTC)
    assert april == datetime(2027, 4, 14, 9, 0, tzinfo=UTC)


def test_cancelled_event_stays_in_the_feed_marked_cancelled(client, ramadan_forum, calendar_page):
    ramadan_forum.status = "cancelled"
    ramadan_forum.save_revision().publish()
    event = events_of(parse(client.get(calendar_page.url + "ical/")))["Forum de Rabat"]
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1


def test_all_day_event_uses_dates_with_an_exclusive_end(client, calendar_page):
    make_event(
        calendar_page,
        "Visite d'étude",
        date(2027, 5, 10),
        end=date(2027, 5, 12),
        time_zone="Africa/Dakar",
    )
    event = events_of(parse(client.get(calendar_page.url + "ical/")))["Visite d'étude"]
    assert event.decoded("dtstart") == date(2027, 5, 10)
    assert event.decoded("dtend") == date(2027, 5, 13)
    assert "TZID" not in event["dtstart"].params


def test_filtered_feed_keeps_only_matching_events(client, calendar_page):
    make_event(
        calendar_page,
        "Forum à Dakar",
        at(2027, 3, 3),
        end=at(2027, 3, 3, 17),
        countries=["SN"],
        time_zone="Africa/Dakar",
    )
    make_event(
        calendar_page,
        "Webinaire",
        at(2027, 3, 4),
        end=at(2027, 3, 4, 11),
        countries=["SN"],
        event_type="webinar",
    )
    make_event(
        calendar_page,
        "Forum à Bamako",
        at(2027, 3, 5),
        end=at(2027, 3, 5, 17),
        countries=["ML"],
        time_zone="Africa/Bamako",
    )
    calendar = parse(client.get(calendar_page.url + "ical/", {"country": "SN", "type": "forum"}))
    assert set(events_of(calendar)) == {"Forum à Dakar"}
    # Dakar keeps UTC all year: its times are written in UTC, which needs no VTIMEZONE.
    dakar = events_of(calendar)["Forum à Dakar"].decoded("dtstart")
    assert dakar == datetime(2027, 3, 3, 9, 0, tzinfo=UTC)
    assert not calendar.walk("VTIMEZONE")


def test_summary_is_in_the_feeds_language(client, calendar_page, ramadan_forum):
    from demo.site import ensure_translation

    ensure_translation(ramadan_forum, "en", {"title": "Rabat forum", "slug": "rabat-forum"})
    english = parse(client.get("/en/calendar/ical/"))
    assert set(events_of(english)) == {"Rabat forum"}
    uid = str(events_of(english)["Rabat forum"]["uid"])
    assert uid.endswith("-en@south-south-migration-exchange")


def test_conditional_requests_get_304_until_something_changes(client, calendar_page, ramadan_forum):
    first = client.get(calendar_page.url + "ical/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(calendar_page.url + "ical/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert (
        client.get(calendar_page.url + "ical/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    )
    ramadan_forum.title = "Forum de Rabat (nouvelle salle)"
    ramadan_forum.save_revision().publish()
    changed = client.get(calendar_page.url + "ical/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert set(events_of(parse(changed))) == {"Forum de Rabat (nouvelle salle)"}


def test_renamed_theme_reaches_the_stored_events(
    client, calendar_page, ramadan_forum, taxonomy, django_capture_on_commit_callbacks
):
    ramadan_forum.themes.set([taxonomy["diaspora"]])
    ramadan_forum.save_revision().publish()
    client.get(calendar_page.url + "ical/")
    theme = taxonomy["diaspora"]
    theme.name = "Diasporas"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    event = events_of(parse(client.get(calendar_page.url + "ical/")))["Forum de Rabat"]
    assert "Diasporas" in [str(c) for c in event["categories"].cats]


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "type=party",
        "theme=%00",
        "year=abcd",
        "year=99999",
        "page=-3",
        "country=" + "x" * 3000,
    ],
)
def test_hostile_filters_are_ignored(client, calendar_page, ramadan_forum, query):
    response = client.get(f"{calendar_page.url}ical/?{query}")
    assert response.status_code == 200
    assert "Forum de Rabat" in events_of(parse(response))


def test_a_workshop_with_daily_hours_is_exported_day_by_day(client, calendar_page):
    make_event(calendar_page, "Atelier de Dakar", at(2027, 6, 8, 9), end=at(2027, 6, 9, 17))
    event = events_of(parse(client.get(calendar_page.url + "ical/")))["Atelier de Dakar"]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.date(), start.hour, end.date(), end.hour) == (
        date(2027, 6, 8),
        9,
        date(2027, 6, 8),
        17,
    )
    assert event["rrule"]["FREQ"] == ["DAILY"] and event["rrule"]["COUNT"] == [2]


def test_an_overnight_event_stays_one_block(client, calendar_page):
    make_event(calendar_page, "Veille", at(2027, 6, 8, 20), end=at(2027, 6, 9, 6))
    event = events_of(parse(client.get(calendar_page.url + "ical/")))["Veille"]
    assert "rrule" not in event
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=10)


def test_the_feed_joins_stored_entries_in_a_fixed_number_of_queries(client, calendar_page):
    def feed_queries(events):
        for n in range(events):
            make_event(
                calendar_page,
                f"Forum {events}.{n}",
                at(2027, 3, 1 + n, 9),
                end=at(2027, 3, 1 + n, 12),
            )
        client.get(calendar_page.url + "ical/")  # writes what the publications left
        with CaptureQueriesContext(connection) as queries:
            response = client.get(calendar_page.url + "ical/")
        return len(queries), len(events_of(parse(response)))

    few = feed_queries(2)
    many = feed_queries(10)
    assert many == (few[0], 12)


def test_a_calendar_client_revalidates_in_two_queries(client, calendar_page, ramadan_forum):
    address = calendar_page.url + "ical/?type=forum"
    etag = client.get(address)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    # Which pages are restricted, then one aggregate: no site lookup, routing or session.
    assert len(queries) == 2


def test_a_restricted_calendar_is_always_routed(client, calendar_page, ramadan_forum):
    address = ramadan_forum.url + "ical/"
    etag = client.get(address)["ETag"]
    PageViewRestriction.objects.create(
        page=ramadan_forum, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(address, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"password" in response.content.lower()


def test_entries_written_for_another_site_address_are_written_again(
    client, calendar_page, ramadan_forum, settings
):
    first = client.get(calendar_page.url + "ical/")
    settings.PUBLIC_BASE_URL = "https://exchange.example.org"
    again = client.get(calendar_page.url + "ical/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    entry = CalendarEntry.objects.get(page=ramadan_forum)
    assert "https://exchange.example.org" in entry.written_under


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_process_gives_the_same_etag(calendar_page, ramadan_forum):
    """Each gunicorn worker has its own local cache: the ETag must come from the data."""
    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    address = calendar_page.url + "ical/"
    first = in_another_process(address)
    second = in_another_process(address, first["etag"])
    assert first["status"] == 200 and second["status"] == 200
    assert second["etag"] == first["etag"]
    assert second["revalidated"] == 304


PROCESS = """
import json, sys, django
django.setup()
from django.test import Client
address, etag = sys.argv[1], sys.argv[2]
client = Client()
full = client.get(address)
again = client.get(address, HTTP_IF_NONE_MATCH=etag) if etag else full
answer = {"status": full.status_code, "etag": full["ETag"], "revalidated": again.status_code}
print(json.dumps(answer))
"""


def in_another_process(address, etag=""):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
    }
    done = subprocess.run(  # noqa: S603 - the test's own interpreter and script
        [sys.executable, "-c", PROCESS, address, etag],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
