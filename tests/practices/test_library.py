import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.site import ensure_translation
from tests.factories import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(library, taxonomy):
    t = taxonomy
    return {
        "diaspora_sn": make_practice(
            library,
            "Appui à l'investissement de la diaspora",
            countries=["SN"],
            themes=[t["diaspora"]],
            start_year=2016,
            implementing_organisations=[t["iom"]],
            funders=[t["eu"]],
            summary="Accompagner les Sénégalais de l'extérieur qui investissent au pays.",
        ),
        "integration_ma": make_practice(
            library,
            "Intégration des migrants à Rabat",
            countries=["MA"],
            themes=[t["integration"]],
            start_year=2014,
            status="completed",
            implementing_organisations=[t["giz"]],
            target_groups=[t["youth"]],
        ),
        "health_ma_ci": make_practice(
            library,
            "Santé des migrants",
            countries=["MA", "CI"],
            themes=[t["health"], t["integration"]],
            start_year=2021,
            sdg_targets=[t["10.7"]],
        ),
        "old_diaspora_ml": make_practice(
            library,
            "Transferts de fonds au Mali",
            countries=["ML"],
            themes=[t["diaspora"]],
            start_year=2009,
        ),
    }


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def facet_options(response, param):
    html = response.content.decode()
    return dict(
        re.findall(
            rf'name="{param}" value="([^"]+)"[^>]*> <span>[^<]*</span> '
            r'<span class="facet__count">\((\d+)\)',
            html,
        )
    )


def test_library_lists_the_locale_practices_newest_first(client, practices):
    response = client.get("/fr/bonnes-pratiques/")
    assert response.status_code == 200
    assert titles(response) == [
        "Transferts de fonds au Mali",
        "Santé des migrants",
        "Intégration des migrants à Rabat",
        "Appui à l&#x27;investissement de la diaspora",
    ]
    assert "4 pratiques" in response.content.decode()


def test_practices_not_translated_are_listed_in_french_and_marked(client, practices):
    html = client.get("/en/good-practices/").content.decode()
    assert titles(client.get("/en/good-practices/")) == [], "none is in English"
    assert html.count('lang="fr" dir="ltr">') == 2 * len(practices), "title and summary"
    assert html.count("Available in French") == len(practices)


def test_text_query_ignores_accents_and_case(client, practices):
    response = client.get("/fr/bonnes-pratiques/", {"q": "INTEGRATION"})
    # The title says it first; the health practice is filed under the integration theme.
    assert titles(response) == ["Intégration des migrants à Rabat", "Santé des migrants"]
    response = client.get("/fr/bonnes-pratiques/", {"q": "sante"})
    assert titles(response) == ["Santé des migrants"]


def test_diaspora_in_senegal_since_2015(client, practices):
    response = client.get(
        "/fr/bonnes-pratiques/", {"q": "diaspora", "country": "SN", "since": "2015"}
    )
    assert titles(response) == ["Appui à l&#x27;investissement de la diaspora"]


def test_facet_counts_follow_the_other_filters(client, practices):
    response = client.get("/fr/bonnes-pratiques/", {"country": "MA"})
    assert facet_options(response, "theme") == {"integration": "2", "health": "1"}
    # The country facet itself is counted without its own filter, so others stay offered.
    assert facet_options(response, "country") == {"MA": "2", "SN": "1", "ML": "1", "CI": "1"}
    assert facet_options(response, "status") == {"ongoing": "1", "completed": "1"}


def test_values_of_one_facet_are_alternatives_and_facets_combine(client, practices):
    response = client.get("/fr/bonnes-pratiques/", {"country": ["SN", "ML"], "theme": "diaspora"})
    assert sorted(titles(response)) == [
        "Appui à l&#x27;investissement de la diaspora",
        "Transferts de fonds au Mali",
    ]
    response = client.get("/fr/bonnes-pratiques/", {"country": "SN", "theme": "health"})
    assert titles(response) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"group": "youth"}, ["Intégration des migrants à Rabat"]),
        ({"sdg": "10.7"}, ["Santé des migrants"]),
        ({"organisation": "giz"}, ["Intégration des migrants à Rabat"]),
        ({"funder": "eu"}, ["Appui à l&#x27;investissement de la diaspora"]),
        ({"status": "completed"}, ["Intégration des migrants à Rabat"]),
        ({"decade": "2000"}, ["Transferts de fonds au Mali"]),
        ({"until": "2010"}, ["Transferts de fonds au Mali"]),
    ],
)
def test_each_facet_filters(client, practices, params, expected):
    assert titles(client.get("/fr/bonnes-pratiques/", params)) == expected


def test_sort_by_title(client, practices):
    response = client.get("/fr/bonnes-pratiques/", {"sort": "title"})
    assert titles(response) == sorted(titles(response))


def test_facet_labels_are_in_the_visitors_language(client, library, taxonomy):
    arabic_library = ensure_translation(library, "ar", {"title": "الممارسات", "slug": "practices"})
    practice = make_practice(library, "Diaspora", countries=["SN"], themes=[taxonomy["diaspora"]])
    ensure_translation(practice, "ar", {"title": "الجالية", "slug": "diaspora"})
    html = client.get(arabic_library.url).content.decode()
    assert "<span>الجالية</span>" in html
    assert "<span>السنغال</span>" in html


def test_pagination_keeps_the_filters(client, library, taxonomy):
    for number in range(23):
        make_practice(library, f"Pratique {number:02}", countries=["SN"])
    response = client.get("/fr/bonnes-pratiques/", {"country": "SN", "sort": "title"})
    html = response.content.decode()
    assert len(titles(response)) == 20
    assert 'href="?country=SN&amp;sort=title&amp;page=2" rel="next"' in html
    second = client.get("/fr/bonnes-pratiques/", {"country": "SN", "sort": "title", "page": "2"})
    assert titles(second) == ["Pratique 20", "Pratique 21", "Pratique 22"]


def test_clear_all_and_subscribe_links_carry_the_state(client, practices):
    html = client.get("/fr/bonnes-pratiques/", {"country": "SN", "q": "diaspora"}).content.decode()
    assert 'class="clear-all" href="/fr/bonnes-pratiques/"' in html
    assert 'href="/fr/bonnes-pratiques/feed/rss/?q=diaspora&amp;country=SN"' in html
    assert 'href="/fr/bonnes-pratiques/export/csv/?q=diaspora&amp;country=SN"' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=99999999999999999999",
        "page=0",
        "country=ZZ",
        "country=%00",
        "theme=does-not-exist",
        "since=20x5",
        "until=99999",
        "decade=1234",
        "sort=;drop table",
        "status=<script>",
        "q=" + "a" * 5000,
        "q=%22%27%3C%3E%5C",
        "q=AND OR NOT * ( ) :",
        "q=%D8%A7%D9%84%D9%87%D8%AC%D8%B1%D8%A9",
        "country=SN&country=SN&country=SN",
    ],
)
def test_hostile_query_strings_never_break_the_library(client, practices, query):
    response = client.get(f"/fr/bonnes-pratiques/?{query}")
    assert response.status_code == 200


def test_unknown_values_are_ignored_rather_than_emptying_the_results(client, practices):
    response = client.get(
        "/fr/bonnes-pratiques/", {"country": "ZZ", "theme": "nope", "page": "abc"}
    )
    assert len(titles(response)) == 4


def test_out_of_range_page_shows_the_last_page(client, practices):
    response = client.get("/fr/bonnes-pratiques/", {"page": "40"})
    assert len(titles(response)) == 4


def test_query_count_does_not_grow_with_the_number_of_practices(session_client, library, taxonomy):
    client = session_client

    def count_queries():
        """Queries for a first (uncached) and a repeated request."""
        counts = []
        cache.clear()
        for _request in range(2):
            with CaptureQueriesContext(connection) as context:
                client.get("/fr/bonnes-pratiques/", {"country": "MA", "theme": "diaspora"})
            counts.append(len(context.captured_queries))
        return counts

    for number in range(5):
        make_practice(library, f"P{number}", countries=["MA", "SN"], themes=[taxonomy["diaspora"]])
    with_five = count_queries()
    for number in range(45):
        make_practice(
            library,
            f"Q{number}",
            countries=["MA"],
            themes=[taxonomy["diaspora"], taxonomy["health"]],
        )
    assert count_queries() == with_five
    assert with_five[1] <= 15


def test_a_newly_published_practice_appears_despite_the_cache(client, library, practices):
    client.get("/fr/bonnes-pratiques/")
    make_practice(library, "Toute nouvelle pratique", countries=["SN"])
    assert "Toute nouvelle pratique" in titles(client.get("/fr/bonnes-pratiques/"))
    practices["old_diaspora_ml"].unpublish()
    assert "Transferts de fonds au Mali" not in titles(client.get("/fr/bonnes-pratiques/"))


def test_the_kept_facets_follow_a_publication(client, library, practices):
    """The facets form is kept per state until the rows change: a new practice in Senegal
    is counted at once, on the unfiltered page and on a filtered one."""
    for params in ({}, {"status": "ongoing"}):
        before = facet_options(client.get("/fr/bonnes-pratiques/", params), "country")
        make_practice(library, f"Nouvelle pratique {len(params)}", countries=["SN"])
        after = facet_options(client.get("/fr/bonnes-pratiques/", params), "country")
        assert int(after["SN"]) == int(before["SN"]) + 1


def test_the_kept_facets_are_each_languages_own(client, library, practices):
    assert "<span>Sénégal</span>" in client.get("/fr/bonnes-pratiques/").content.decode()
    english = client.get("/en/good-practices/").content.decode()
    assert "<span>Senegal</span>" in english
    assert "Refine the results" in english


def test_relevance_puts_title_matches_before_passing_mentions(client, library):
    from wagtail.rich_text import RichText

    make_practice(
        library,
        "Formation professionnelle",
        summary="Des cours pour les jeunes.",
        body=[("paragraph", RichText("<p>Quelques anciens de la diaspora ont aidé.</p>"))],
    )
    make_practice(library, "Diaspora et investissement", summary="La diaspora investit au pays.")
    response = client.get("/fr/bonnes-pratiques/", {"q": "diaspora"})
    assert titles(response) == ["Diaspora et investissement", "Formation professionnelle"]
