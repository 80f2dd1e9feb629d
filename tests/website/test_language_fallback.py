"""Content not translated into the reader's language is listed in its own language, marked."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.site import ensure_translation
from practices.models import PracticePage
from tests.factories import at, make_event, make_practice
from tests.searching import result_titles, search
from website.language_fallback import offered

pytestmark = pytest.mark.django_db

FRENCH_MARK = re.compile(
    r'<a href="/fr/[^"]+" lang="fr" dir="ltr">([^<]+)</a></h3>\s*'
    r'<p class="language-mark">Available in French</p>'
)


@pytest.fixture
def french_only(library, taxonomy):
    """A practice in French only, and one translated into English."""
    alone = make_practice(
        library,
        "Guichets communaux de la diaspora",
        countries=["SN"],
        themes=[taxonomy["diaspora"]],
        summary="Des guichets pour les Sénégalais de l'extérieur.",
    )
    translated = make_practice(library, "Santé des migrants", countries=["MA"])
    ensure_translation(translated, "en", {"title": "Migrants' health", "slug": "health"})
    return alone


def test_the_english_library_lists_a_french_only_practice_marked_and_counted(client, french_only):
    html = client.get("/en/good-practices/").content.decode()
    assert FRENCH_MARK.findall(html) == ["Guichets communaux de la diaspora"]
    assert '<p class="card__summary" lang="fr" dir="ltr">Des guichets' in html
    assert "Migrants&#x27; health</a>" in html and "Santé des migrants</a>" not in html
    assert "2 practices" in html
    filtered = client.get("/en/good-practices/", {"country": "SN"}).content.decode()
    assert FRENCH_MARK.findall(filtered) == ["Guichets communaux de la diaspora"]
    assert "1 practice" in filtered


def test_the_english_library_finds_a_french_only_practice_by_its_french_words(client, french_only):
    html = client.get("/en/good-practices/", {"q": "guichets"}).content.decode()
    assert FRENCH_MARK.findall(html) == ["Guichets communaux de la diaspora"]


def test_the_arabic_site_search_finds_it_with_its_mark(client, french_only):
    html = search(client, "ar", q="guichets")
    assert result_titles(html) == ["Guichets communaux de la diaspora"]
    assert 'lang="fr" dir="ltr">Guichets communaux' in html
    assert html.count('class="language-mark"') == 1


def test_the_english_calendar_lists_a_french_only_event_marked(client, calendar_page):
    make_event(calendar_page, "Atelier de Dakar", at(2027, 6, 8), end=at(2027, 6, 9, 17))
    html = client.get("/en/calendar/").content.decode()
    assert FRENCH_MARK.findall(html) == ["Atelier de Dakar"]


def test_a_missing_translation_is_stood_in_for_by_the_source_first(library, locales):
    practice = make_practice(library, "Source française")
    ensure_translation(practice, "en", {"title": "English version", "slug": "english"})
    pages = PracticePage.objects.live()
    assert [p.title for p in offered(pages, locales["ar"])] == ["Source française"]
    assert [p.title for p in offered(pages, locales["en"])] == ["English version"]
    PracticePage.objects.get(title="Source française").unpublish()
    assert [p.title for p in offered(pages, locales["ar"])] == ["English version"]


def test_listing_other_languages_costs_no_query_per_practice(session_client, library):
    def count():
        cache.clear()
        session_client.get("/en/good-practices/")
        with CaptureQueriesContext(connection) as context:
            session_client.get("/en/good-practices/", {"q": "pratique"})
        return len(context.captured_queries)

    for number in range(3):
        make_practice(library, f"Pratique {number}")
    few = count()
    for number in range(20):
        make_practice(library, f"Autre pratique {number}")
    assert count() == few
