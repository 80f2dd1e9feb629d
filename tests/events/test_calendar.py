import re
from datetime import date

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import at, make_event

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def events(calendar_page, taxonomy):
    return {
        "rabat": make_event(
            calendar_page, "Forum de Rabat", at(2027, 2, 24, 9, 30), end=at(2027, 2, 24, 12)
        ),
        "dakar": make_event(
            calendar_page,
            "Atelier de Dakar",
            at(2027, 6, 8),
            end=at(2027, 6, 9, 17),
            countries=["SN"],
            event_type="workshop",
            time_zone="Africa/Dakar",
            themes=[taxonomy["diaspora"]],
        ),
        "geneva": make_event(
            calendar_page,
            "Réunion de Genève 2013",
            date(2013, 5, 22),
            time_zone="Europe/Zurich",
            event_type="thematic_meeting",
        ),
        "cancelled": make_event(
            calendar_page,
            "Webinaire annulé",
            at(2027, 7, 7, 15),
            end=at(2027, 7, 7, 16),
            status="cancelled",
            event_type="webinar",
        ),
    }


def test_upcoming_events_are_grouped_by_month_in_date_order(client, events, calendar_page):
    response = client.get(calendar_page.url)
    html = response.content.decode()
    assert titles(response) == ["Forum de Rabat", "Atelier de Dakar", "Webinaire annulé"]
    assert html.index("février 2027") < html.index("juin 2027") < html.index("juillet 2027")
    assert "Réunion de Genève" not in html


def test_times_are_shown_in_the_events_zone_with_its_abbreviation(client, events):
    html = client.get(events["rabat"].url).content.decode()
    # The hours sit in a left-to-right isolate so that they keep their order in Arabic.
    assert "24 février 2027, \u206609:30–12:00 (+00)\u2069" in html
    dakar = client.get(events["dakar"].url).content.decode()
    assert "8 juin 2027" in dakar and "9 juin 2027" in dakar and "(GMT)" in dakar


def test_cancelled_status_is_shown_clearly(client, events):
    html = client.get(events["cancelled"].url).content.decode()
    assert 'class="notice notice--cancelled" role="status"' in html
    listing = client.get(events["cancelled"].get_parent().url).content.decode()
    assert "event-card--cancelled" in listing


def test_past_archive_lists_past_events_newest_first(client, events, calendar_page):
    response = client.get(calendar_page.url + "past/")
    assert titles(response) == ["Réunion de Genève 2013"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SN"}, ["Atelier de Dakar"]),
        ({"type": "webinar"}, ["Webinaire annulé"]),
        ({"theme": "diaspora"}, ["Atelier de Dakar"]),
        ({"year": "2027", "type": "forum"}, ["Forum de Rabat"]),
        ({"year": "2030"}, []),
    ],
)
def test_filters(client, events, calendar_page, params, expected):
    assert titles(client.get(calendar_page.url, params)) == expected


def test_month_grid_places_events_on_their_days(client, events, calendar_page):
    response = client.get(calendar_page.url + "month/2027/6/")
    html = response.content.decode()
    assert response.status_code == 200
    day = r'<span class="month-grid__day"><span class="month-grid__weekday">\w+ </span>(\d+)</span>'
    cells = re.findall(day + r"\s*(<ul>.*?</ul>)?", html, re.S)
    busy = {day for day, events_html in cells if "Atelier de Dakar" in events_html}
    assert busy == {"8", "9"}
    assert 'href="/fr/agenda/month/2027/5/"' in html and 'href="/fr/agenda/month/2027/7/"' in html


@pytest.mark.parametrize(
    "path",
    ["month/2027/13/", "month/2027/0/", "month/99999/1/", "month/1200/5/"],
)
def test_impossible_months_are_404(client, calendar_page, path):
    assert client.get(calendar_page.url + path).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "type=%3Cscript%3E",
        "theme=nope",
        "year=20x7",
        "year=-1",
        "page=abc",
        "page=999999",
        "country=" + "a" * 5000,
    ],
)
def test_hostile_filters_never_break_the_calendar(client, events, calendar_page, query):
    response = client.get(f"{calendar_page.url}?{query}")
    assert response.status_code == 200


def test_rss_and_atom_list_upcoming_events_with_filters(client, events, calendar_page):
    for kind in ("rss", "atom"):
        feed = feedparser.parse(
            client.get(f"{calendar_page.url}feed/{kind}/", {"country": "SN"}).content
        )
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["Atelier de Dakar"]


def test_subscribe_links_carry_the_filters(client, events, calendar_page):
    html = client.get(calendar_page.url, {"country": "SN"}).content.decode()
    assert 'href="webcal://testserver/fr/agenda/ical/?country=SN"' in html
    assert 'href="/fr/agenda/ical/?country=SN"' in html


def test_home_page_shows_the_next_events(client, events):
    html = client.get("/fr/").content.decode()
    assert "Forum de Rabat" in html and "Atelier de Dakar" in html
    assert "Réunion de Genève" not in html


def test_editors_cannot_save_an_event_ending_before_it_starts_or_in_an_unknown_zone(
    admin_client, calendar_page
):
    def post(**fields):
        data = {
            "title": "Forum",
            "slug": "forum",
            "event_type": "forum",
            "status": "scheduled",
            "summary": "Résumé.",
            "start_date": "2027-03-10",
            "start_time": "10:00",
            "end_date": "2027-03-09",
            "end_time": "12:00",
            "time_zone": "Africa/Casablanca",
            "country_links-TOTAL_FORMS": "0",
            "country_links-INITIAL_FORMS": "0",
            "country_links-MIN_NUM_FORMS": "0",
            "country_links-MAX_NUM_FORMS": "1000",
            "body-count": "0",
            "agenda-count": "0",
            "documents-count": "0",
            "action-publish": "1",
            **fields,
        }
        return admin_client.post(f"/admin/pages/add/events/eventpage/{calendar_page.pk}/", data)

    html = post().content.decode()
    assert "L&#x27;événement ne peut pas se terminer avant d&#x27;avoir commencé." in html
    html = post(end_date="2027-03-10", time_zone="Mars/Olympus_Mons").content.decode()
    assert "Mars/Olympus_Mons n’en fait pas partie" in html
    from events.models import EventPage

    assert not EventPage.objects.filter(slug="forum").exists()


def test_calendar_query_count_does_not_grow_with_the_events(client, calendar_page):
    def count():
        cache.clear()
        client.get(calendar_page.url)
        with CaptureQueriesContext(connection) as context:
            client.get(calendar_page.url, {"type": "forum"})
        return len(context.captured_queries)

    for number in range(3):
        make_event(
            calendar_page,
            f"Forum {number}",
            at(2027, 3, number + 1),
            end=at(2027, 3, number + 1, 12),
            countries=["MA", "SN"],
        )
    few = count()
    for number in range(30):
        make_event(
            calendar_page,
            f"Autre forum {number}",
            at(2027, 4, 1 + number % 28),
            end=at(2027, 4, 1 + number % 28, 12),
            countries=["CI"],
        )
    assert count() == few


def test_event_organisers_write_events_but_publishing_needs_a_moderator(client, calendar_page):
    from tests.factories import UserFactory
    from website.bootstrap import EVENT_ORGANISERS

    organiser = UserFactory(groups=[EVENT_ORGANISERS])
    permissions = calendar_page.permissions_for_user(organiser)
    assert permissions.can_add_subpage()
    assert not permissions.can_publish_subpage()
    about = calendar_page.get_parent().get_children().exclude(pk=calendar_page.pk).first()
    assert not about.permissions_for_user(organiser).can_edit()
    client.force_login(organiser)
    assert client.get(f"/admin/pages/add/events/eventpage/{calendar_page.pk}/").status_code == 200
