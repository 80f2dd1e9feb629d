"""Every feed and calendar is named once by its page's title, and a filtered one by what
it selects in the reader's words, never by its query string."""

import feedparser
import pytest
from icalendar import Calendar

from demo.site import ensure_translation
from tests.factories import at, make_event

pytestmark = pytest.mark.django_db


def feed_title(client, url):
    return feedparser.parse(client.get(url).content).feed.title


def calendar_name(client, url):
    return str(Calendar.from_ical(client.get(url).content)["X-WR-CALNAME"])


def test_unfiltered_feeds_carry_the_pages_title_once(
    client, library, calendar_page, policy_library
):
    for url, title in [
        ("/fr/bonnes-pratiques/feed/rss/", "Bonnes pratiques"),
        ("/fr/bonnes-pratiques/feed/atom/", "Bonnes pratiques"),
        ("/en/good-practices/feed/rss/", "Good practices"),
        ("/fr/agenda/feed/rss/", "Agenda"),
        ("/en/calendar/feed/atom/", "Calendar"),
        ("/fr/documents/feed/rss/", "Documents de politique"),
        ("/en/documents/feed/atom/", "Policy documents"),
    ]:
        assert feed_title(client, url) == title, url
    assert calendar_name(client, "/fr/agenda/ical/") == "Agenda"


def test_filtered_feeds_and_calendars_are_named_in_the_readers_words(
    client, library, calendar_page, policy_library, taxonomy
):
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    make_event(calendar_page, "Forum de Dakar", at(2030, 5, 4), countries=["SN"])
    named = [
        ("/fr/agenda/ical/?country=SN&type=forum", "Agenda — Sénégal, Forum de dialogue"),
        ("/ar/ajenda/ical/?country=SN&type=forum", "الأجندة — السنغال، منتدى للحوار"),
        ("/fr/agenda/feed/rss/?country=SN&type=forum", "Agenda — Sénégal, Forum de dialogue"),
        (
            "/fr/bonnes-pratiques/feed/rss/?country=MA&theme=health",
            "Bonnes pratiques — Maroc, Santé",
        ),
        (
            "/en/good-practices/feed/atom/?q=housing&since=2015",
            "Good practices — “housing”, since 2015",
        ),
        (
            "/fr/documents/feed/atom/?type=strategy&country=SN",
            "Documents de politique — Sénégal, Stratégie",
        ),
    ]
    for url, name in named:
        reads = calendar_name(client, url) if "/ical/" in url else feed_title(client, url)
        assert reads == name, url
