"""Whatever a query string holds, the listings, their feeds and exports answer without a
server error: a value that is not one they know reads as absent.

The pages are built once for the module (and rolled back after it): the sweep sends
hundreds of requests, which a site built per example would make last many minutes.
"""

import re
from collections import Counter
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from demo.site import ensure_translation, publish_child
from events.models import EventIndexPage
from exchange.models import PolicyLibraryPage
from practices.models import PracticeIndexPage
from practices.taxonomy import Theme
from tests.factories import demo_site, make_document, make_event, make_practice, term

LANGUAGES = ("fr", "en", "ar")
PRACTICE_PARAMS = (
    *("q", "country", "theme", "group", "sdg", "organisation", "funder", "status", "decade"),
    *("since", "until", "sort", "page"),
)
CALENDAR_PARAMS = ("country", "type", "theme", "year", "page")
DOCUMENT_PARAMS = ("q", "country", "type", "theme", "year", "language", "sort", "page")
SEARCH_PARAMS = ("q", "type", "country", "theme", "page")
# (section, path under the section's address, the parameters the route reads)
ROUTES = [
    *[("practices", path, PRACTICE_PARAMS) for path in ("", "feed/rss/", "feed/atom/")],
    *[("practices", path, PRACTICE_PARAMS) for path in ("export/csv/", "export/json/")],
    *[("calendar", path, CALENDAR_PARAMS) for path in ("", "past/", "ical/", "{month}")],
    *[("calendar", path, CALENDAR_PARAMS) for path in ("feed/rss/", "feed/atom/")],
    *[("documents", path, DOCUMENT_PARAMS) for path in ("", "feed/rss/", "feed/atom/")],
    ("search", "", SEARCH_PARAMS),
    ("search", "suggest/", ("q",)),
]
# The routes that read a number, with the parameters that hold one.
NUMBERS = [
    (section, path, [p for p in params if p in ("page", "year", "since", "until")])
    for section, path, params in ROUTES
    if section != "documents" and path != "suggest/"
]
# The alternates, the switcher's links and a feed's link to itself keep the query string
# as it was typed.
ALTERNATE_LINK = re.compile(
    rb'<link rel="alternate" hreflang=[^>]*>|<a href="[^"]*" hreflang='
    rb'|<(?:atom:)?link href="[^"]*" rel="self"/>'
)


def build_site():
    """A practice library, a calendar and a policy library in French, English and
    Arabic, each with something to list."""
    home = demo_site()
    diaspora = term(Theme, "diaspora", "Diaspora", "Diaspora", "الجالية")
    sections = {"search": {code: f"/{code}/search/" for code in LANGUAGES}}
    sources = {}
    for section, page in (
        ("practices", PracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques")),
        ("calendar", EventIndexPage(title="Agenda", slug="agenda")),
        ("documents", PolicyLibraryPage(title="Documents", slug="documents")),
    ):
        sources[section] = publish_child(home, page)
        sections[section] = {
            code: ensure_translation(sources[section], code, {"title": f"{page.title} {code}"}).url
            for code in LANGUAGES
        }
    soon = timezone.localdate() + timedelta(days=30)
    listed = [
        make_practice(sources["practices"], "Diaspora et investissement", themes=[diaspora]),
        make_event(sources["calendar"], "Forum de la diaspora", soon, themes=[diaspora]),
        make_event(sources["calendar"], "Atelier de la diaspora", soon - timedelta(days=400)),
    ]
    for page in listed:
        for code in LANGUAGES[1:]:
            ensure_translation(page, code, {"title": f"{page.title} ({code})"})
    make_document("Stratégie de la diaspora", summary="La diaspora.").themes.set([diaspora])
    return {**sections, "month": f"month/{soon.year}/{soon.month}/"}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site()
        transaction.set_rollback(True)


def address(site, section, path, code):
    return site[section][code] + path.format(month=site["month"])


def route_id(route):
    section, path, _params = route
    return f"{section}/{path}"


def shown(response):
    """The response but for the links to its own address (ALTERNATE_LINK)."""
    return ALTERNATE_LINK.sub(b"", response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("route", NUMBERS, ids=route_id)
def test_a_number_written_with_a_superscript_is_ignored(site, route, code):
    """A "²" passes str.isdigit() but not int(): it answered a 500 on these routes."""
    section, path, params = route
    client = Client()
    url = address(site, section, path, code)
    words = {"q": "diaspora"} if section == "search" else {}
    plain = shown(client.get(url, words))
    for param in params:
        response = client.get(url, {**words, param: "²"})
        assert response.status_code == 200, (url, param)
        assert shown(response) == plain, f"{url}?{param}=² reads as if it were absent"


# Values that trip parsers: digits int() refuses or reads, numbers too long for int() or
# for the database, signs, control characters, invisible and right-to-left marks, and
# the values each listing does know, so that filters combine with the noise.
SPECIAL_VALUES = [
    *("²", "٣", "٢٠٢٧", "２０２７", "Ⅻ", "0", "00", "-1", "+1", " 1", "1\n", "1.0", "1e3"),
    *("0x1f", "1_000", "9" * 19, "9" * 5000, "", " ", "\x00", "a\x00b", "\t\r\n", "%00"),
    *("\ufeff", "\u202e", "\u200c", "ß", "İ", "ﷺ", "x" * 5000),
    *("MA", "ma", "diaspora", "forum", "strategy", "ongoing", "2010", "1990", "2100", "fr", "ar"),
    *("newest", "oldest", "title", "relevance", "practice", "document", "event"),
]
# Every character here passes str.isdigit(); int() refuses the superscripts, subscripts
# and circled ones, and reads the Arabic-Indic, Persian and full-width ones.
DIGITS = "0123456789²³¹⁰⁴₀₁₂①②٠١٢٣٤٥٦٧٨٩۰۱۲۳０１２"
VALUES = st.one_of(
    st.sampled_from(SPECIAL_VALUES),
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=5),
    st.text(st.characters(codec="utf-8"), max_size=40),  # any character but surrogates
    st.integers().map(str),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=8),
    st.binary(max_size=12),  # bytes that need not be UTF-8
)


@pytest.fixture(scope="module")
def requests_made(request):
    """The sweep's answers counted by status, reported after the module's tests."""
    counts = Counter()
    yield counts
    if counts:
        pairs = sum(len(params) for _section, _path, params in ROUTES) * len(LANGUAGES)
        plugins = request.config.pluginmanager
        with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
            plugins.get_plugin("terminalreporter").write_line(
                f"\nquery-string sweep: {len(ROUTES) * len(LANGUAGES)} routes, {pairs} route × "
                f"parameter pairs, {counts.total()} requests, by status {sorted(counts.items())}"
            )


@pytest.mark.sweep
@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("route", ROUTES, ids=route_id)
@settings(max_examples=12, deadline=None, database=None)
@given(data=st.data())
def test_no_query_string_makes_a_server_error(site, requests_made, route, code, data):
    section, path, params = route
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(params), VALUES), max_size=5))
    url = f"{address(site, section, path, code)}?{urlencode(pairs)}"
    response = Client().get(url)
    requests_made[response.status_code] += 1
    assert response.status_code < 500, url
