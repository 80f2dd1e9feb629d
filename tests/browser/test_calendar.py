import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.factories import at, make_event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def forum(calendar_page):
    return make_event(
        calendar_page,
        "Forum de Rabat",
        at(2027, 2, 24, 9, 30),
        end=at(2027, 2, 24, 12),
        city="Rabat",
    )


def test_event_file_downloads_from_the_event_page(live_server, browser_page, forum):
    page = browser_page
    page.goto(f"{live_server.url}{forum.url}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "forum-de-rabat.ics"
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Forum de Rabat"


def test_subscribe_link_points_calendar_apps_at_the_feed(
    live_server, browser_page, forum, calendar_page, settings
):
    settings.PUBLIC_BASE_URL = live_server.url  # the address the site is served at
    page = browser_page
    page.goto(f"{live_server.url}{calendar_page.url}?country=MA")
    link = page.get_by_role("link", name="S'abonner à cet agenda")
    host = live_server.url.removeprefix("http://")
    expect(link).to_have_attribute("href", f"webcal://{host}/fr/agenda/ical/?country=MA")
    feed = page.request.get(f"{live_server.url}/fr/agenda/ical/?country=MA")
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert b"Forum de Rabat" in feed.body()
