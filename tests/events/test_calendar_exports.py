"""The calendar's upcoming and past events as CSV and JSON, for the same filters as its
pages, with labels in the reader's language."""

import csv
import io
import json
import re
from datetime import date

import pytest
from django.conf import settings

from tests.factories import at, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(calendar_page, taxonomy):
    make_event(calendar_page, "Forum de Rabat", at(2027, 2, 24, 9, 30), end=at(2027, 2, 24, 12))
    make_event(
        calendar_page,
        "Atelier de Dakar",
        at(2027, 6, 8),
        end=at(2027, 6, 9, 17),
        countries=["SN", "MA"],
        event_type="workshop",
        time_zone="Africa/Dakar",
        themes=[taxonomy["diaspora"]],
        organisers=[taxonomy["iom"]],
    )
    make_event(calendar_page, "Webinaire de Bamako", at(2027, 7, 7, 15), countries=["ML"])
    make_event(calendar_page, "Réunion de Genève 2013", date(2013, 5, 22), countries=["SN"])
    make_event(calendar_page, "Réunion de Dakar 2015", date(2015, 5, 22), countries=["SN"])


def page_titles(client, url, params):
    html = client.get(url, params).content.decode()
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def exported(client, url, kind, params):
    response = client.get(url, params)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return json.loads(text) if kind == "json" else list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "SN"},
        {"type": "workshop", "theme": "diaspora"},
        {"year": "2027", "page": "3"},
        {"country": "ZZ", "type": "<script>", "theme": "nope", "year": "20x7", "page": "abc"},
    ],
)
@pytest.mark.parametrize("route", ["", "past/"])
def test_the_exports_give_the_pages_selection_in_its_order(
    client, events, calendar_page, params, route
):
    shown = page_titles(client, f"{calendar_page.url}{route}", {**params, "page": "1"})
    for kind in ("csv", "json"):
        records = exported(client, f"{calendar_page.url}{route}export/{kind}/", kind, params)
        assert [record["title"] for record in records] == shown


def test_an_exported_event_has_its_times_places_and_labels_in_the_readers_language(
    client, events, calendar_page
):
    url = f"{calendar_page.url}export/json/"
    [record] = exported(client, url, "json", {"type": "workshop"})
    assert record["event_type"] == "workshop" and record["event_type_name"] == "Atelier"
    assert (record["start_date"], record["start_time"]) == ("2027-06-08", "09:00")
    assert (record["end_date"], record["end_time"]) == ("2027-06-09", "17:00")
    assert record["time_zone"] == "Africa/Dakar"
    assert record["countries"] == ["SN", "MA"] and record["country_names"] == ["Sénégal", "Maroc"]
    assert record["theme_names"] == ["Diaspora"]
    assert record["organiser_names"] == ["Organisation internationale pour les migrations"]
    assert record["url"] == f"{settings.PUBLIC_BASE_URL}{calendar_page.url}atelier-de-dakar/"
    csv_url = f"{calendar_page.url}export/csv/"
    [row] = exported(client, csv_url, "csv", {"type": "workshop"})
    assert row["country_names"] == "Sénégal; Maroc"


def test_the_calendar_links_to_its_exports_with_its_filters(client, events, calendar_page):
    upcoming = client.get(calendar_page.url, {"country": "SN"}).content.decode()
    assert f'href="{calendar_page.url}export/csv/?country=SN"' in upcoming
    assert f'href="{calendar_page.url}export/json/?country=SN"' in upcoming
    past = client.get(f"{calendar_page.url}past/", {"country": "SN"}).content.decode()
    assert f'href="{calendar_page.url}past/export/csv/?country=SN"' in past
    assert client.get(f"{calendar_page.url}export/xml/").status_code == 404
