import pytest
from icalendar import Calendar

from events.models import EventIndexPage, EventPage

# The demo as a whole, checked on one database: `make run` seeds it on SQLite, which
# tests/website/test_demo.py covers on both.
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]


@pytest.fixture
def demo(demo_content, db):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_demo_calendar_has_the_gfmd_meetings_in_three_languages(demo):
    for code in ("fr", "en", "ar"):
        assert EventIndexPage.objects.live().filter(locale__language_code=code).count() == 1
    marseille = EventPage.objects.get(slug="gfmd-marseille-2011", locale__language_code="fr")
    assert (marseille.start_date.isoformat(), marseille.end_date.isoformat()) == (
        "2011-06-14",
        "2011-06-15",
    )
    assert marseille.all_day and not marseille.is_example
    assert EventPage.objects.filter(slug="gfmd-marseille-2011").count() == 3
    assert EventPage.objects.filter(is_example=True, status="cancelled").exists()


def test_demo_calendars_parse_in_each_language(client, demo):
    for path in ("/fr/agenda/ical/", "/en/calendar/ical/", "/ar/calendar/ical/"):
        calendar = Calendar.from_ical(client.get(path).content)
        summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
        assert len(summaries) == EventPage.objects.filter(locale__language_code=path[1:3]).count()
    arabic = Calendar.from_ical(client.get("/ar/calendar/ical/").content)
    assert any(
        "المنتدى" in str(event["summary"]) or "منتدى" in str(event["summary"])
        for event in arabic.walk("VEVENT")
    )


def test_example_events_say_so(client, demo):
    example = EventPage.objects.filter(is_example=True, locale__language_code="en").first()
    assert "This is example content, not a real event." in client.get(example.url).content.decode()
