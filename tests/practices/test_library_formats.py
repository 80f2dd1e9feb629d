"""The same query string gives the same practices, in the same order, on the library
page, in its RSS and Atom feeds and in its CSV and JSON exports."""

import csv
import io
import json
import re

import feedparser
import pytest

from tests.factories import make_practice

pytestmark = pytest.mark.django_db

LIBRARY = "/fr/bonnes-pratiques/"


@pytest.fixture
def practices(library, taxonomy):
    made = [
        ("Migrants à Rabat", ["MA"], ["integration"], 2015),
        ("Accueil des migrants à Dakar", ["SN"], ["integration", "health"], 2019),
        ("Zones d'accueil des migrants", ["MA", "SN"], ["integration"], 2012),
        ("Bourses pour les migrants", ["SN"], ["diaspora"], 2020),  # another theme
        ("Migrants au Mali", ["ML"], ["integration"], 2018),  # another country
        ("Coopératives de Tiznit", ["MA"], ["integration"], 2016),  # other words
    ]
    for title, countries, themes, year in made:
        make_practice(
            library,
            title,
            countries=countries,
            themes=[taxonomy[t] for t in themes],
            start_year=year,
            summary=title,
        )


def page_titles(client, params):
    html = client.get(LIBRARY, params).content.decode()
    return [
        t.replace("&#x27;", "'") for t in re.findall(r'card__title"><a href="[^"]+">([^<]+)', html)
    ]


def feed_titles(client, kind, params):
    feed = feedparser.parse(client.get(f"{LIBRARY}feed/{kind}/", params).content)
    assert not feed.bozo
    return [entry.title for entry in feed.entries]


def export_titles(client, kind, params):
    response = client.get(f"{LIBRARY}export/{kind}/", params)
    text = response.content.decode("utf-8-sig")
    records = json.loads(text) if kind == "json" else list(csv.DictReader(io.StringIO(text)))
    return [record["title"] for record in records]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "migrants", "country": ["MA", "SN"], "theme": "integration", "sort": "title"},
        {"q": "migrants", "country": ["MA", "SN"], "theme": "integration", "since": "2013"},
        {"country": ["SN", "MA"], "sort": "newest"},
    ],
)
def test_every_format_gives_the_pages_selection_in_its_order(client, practices, params):
    shown = page_titles(client, params)
    assert shown, "the filters select something"
    assert feed_titles(client, "rss", params) == shown
    assert feed_titles(client, "atom", params) == shown
    assert export_titles(client, "csv", params) == shown
    assert export_titles(client, "json", params) == shown


def test_the_filters_select_the_expected_practices(client, practices):
    params = {"q": "migrants", "country": ["MA", "SN"], "theme": "integration", "sort": "title"}
    assert page_titles(client, params) == [
        "Accueil des migrants à Dakar",
        "Migrants à Rabat",
        "Zones d'accueil des migrants",
    ]
