"""The site-wide search page: what it finds, in which order, and how it reads."""

import json
import time
from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from demo.site import ensure_translation
from search.models import SearchTerm
from search.search_counts import SLOT_SECONDS, flush
from tests.factories import at, make_document, make_event, make_practice, standard_page
from tests.searching import result_titles, search

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_integration_is_found_with_or_without_accents_and_in_arabic(client, pages):
    practice = make_practice(
        pages["library"],
        "Intégration des migrants à Rabat",
        summary="Accueil et intégration des migrants par les communes.",
    )
    ensure_translation(
        practice,
        "ar",
        {
            "title": "إدماج المهاجرين في الرباط",
            "summary": "استقبال المهاجرين والإدماج في الجماعات.",
        },
    )
    make_practice(pages["library"], "Santé des migrants", summary="Accès aux soins.")
    make_document("Stratégie d’intégration", summary="Une stratégie d’intégration.")

    for query in ("integration", "intégration", "INTEGRATION"):
        titles = result_titles(search(client, "fr", q=query))
        assert "Intégration des migrants à Rabat" in titles and "Santé des migrants" not in titles
        assert "Stratégie d’intégration" in titles
        assert "إدماج المهاجرين في الرباط" not in titles, "only the visitor's language"
    for query in ("إدماج", "الإدماج", "ادماج", "الاِدماج"):
        assert "إدماج المهاجرين في الرباط" in result_titles(search(client, "ar", q=query)), query


def test_a_word_only_inside_a_pdf_finds_the_document(client, pages):
    make_document("Plan national", lines=["Campagne de vaccination des enfants migrants"])
    html = search(client, "fr", q="vaccination")
    assert result_titles(html) == ["Plan national"]
    assert "<mark>vaccination</mark>" in html


def test_title_matches_outrank_body_matches_and_practices_outrank_pages(client, pages):
    home = pages["home"]
    make_practice(pages["library"], "Guichet diaspora", summary="Un guichet pour la diaspora.")
    standard_page(home, "Diaspora", "La diaspora et le développement.", "diaspora")
    make_practice(pages["library"], "Fonds local", summary="Investissements de la diaspora.")
    standard_page(home, "À propos", "Nous parlons de la diaspora.", "a-propos-2")
    titles = result_titles(search(client, "fr", q="diaspora"))
    assert titles.index("Guichet diaspora") < titles.index("Diaspora")
    assert titles.index("Diaspora") < titles.index("Fonds local")
    assert titles.index("Fonds local") < titles.index("À propos")


def test_upcoming_events_rank_above_past_ones_for_the_same_match(client, pages):
    make_event(pages["calendar"], "Forum de Dakar 2011", date(2011, 6, 14))
    make_event(pages["calendar"], "Forum de Dakar 2027", at(2027, 6, 8))
    assert result_titles(search(client, "fr", q="forum dakar")) == [
        "Forum de Dakar 2027",
        "Forum de Dakar 2011",
    ]


def test_facets_filter_by_type_country_and_theme(client, pages, taxonomy):
    make_practice(
        pages["library"], "Migration au Sénégal", countries=["SN"], themes=[taxonomy["diaspora"]]
    )
    make_practice(pages["library"], "Migration au Maroc", countries=["MA"])
    make_event(pages["calendar"], "Migration: forum", at(2027, 6, 8), countries=["SN"])
    html = search(client, "fr", q="migration", country="SN")
    assert "2 résultats" in html
    assert 'name="type" value="practice"' in html and 'name="type" value="event"' in html
    assert result_titles(search(client, "fr", q="migration", type="event")) == ["Migration: forum"]
    by_country = result_titles(search(client, "fr", q="migration", country="SN"))
    assert sorted(by_country) == ["Migration au Sénégal", "Migration: forum"]
    assert result_titles(search(client, "fr", q="migration", theme="diaspora")) == [
        "Migration au Sénégal"
    ]


def test_results_show_type_key_facts_and_a_highlighted_excerpt(client, pages):
    make_practice(
        pages["library"],
        "Centre Oujda",
        countries=["MA"],
        start_year=2016,
        summary="Un centre d’accueil pour l’intégration des jeunes à Oujda.",
    )
    make_event(pages["calendar"], "Atelier Oujda", at(2027, 2, 24, 9, 30), city="Oujda")
    html = search(client, "fr", q="oujda")
    assert "Pratique" in html and "Maroc" in html and "2016–" in html
    assert "24 février 2027" in html
    assert "<mark>Oujda</mark>" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_nothing_found_offers_a_spelling_hint_and_the_filters_to_drop(client, pages):
    make_practice(pages["library"], "Intégration locale", countries=["MA"])
    html = search(client, "fr", q="integraton")
    assert "0 résultat" in html and "?q=integration" in html
    html = search(client, "fr", q="integration", country="SN")
    assert "0 résultat" in html and "?q=integration" in html


def test_editors_pins_come_first_and_queries_without_results_are_reported(client, pages):
    about = standard_page(pages["home"], "Contact", "Écrivez-nous.", "contact")
    promotion_query = Query.objects.create(query_string="visa")
    SearchPromotion.objects.create(query=promotion_query, page=about, description="Visas.")
    html = search(client, "fr", q="Visa")
    assert "Recommandé" in html and "Contact" in html
    search(client, "fr", q="Visa")
    flush(now=time.time() + 2 * SLOT_SECONDS)  # the Celery beat task, once the minute is over
    term = SearchTerm.objects.get(query="visa", language="fr")
    assert (term.searches, term.without_results) == (2, 2)

    moderator = User.objects.create_user("moderator", "m@example.org", "x" * 16)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    report = client.get("/admin/reports/searches-without-results/")
    assert report.status_code == 200 and "visa" in report.content.decode()


def test_the_search_box_is_on_every_page_and_suggests_titles(client, pages):
    make_practice(pages["library"], "Intégration des jeunes")
    home = client.get("/fr/").content.decode()
    assert 'action="/fr/search/"' in home and 'data-suggest-url="/fr/search/suggest/"' in home
    data = json.loads(client.get("/fr/search/suggest/", {"q": "INTEG"}).content)
    assert data == {"suggestions": ["Intégration des jeunes"]}


def test_suggestions_are_rate_limited(client, pages, settings):
    from search import views

    views.SUGGESTIONS_PER_MINUTE = 3
    try:
        codes = [client.get("/fr/search/suggest/", {"q": "ab"}).status_code for _ in range(4)]
    finally:
        views.SUGGESTIONS_PER_MINUTE = 120
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 5000},
        {"q": "!!! ??? ..."},
        {"q": '"'},
        {"q": "*"},
        {"q": "AND OR"},
        {"q": "a\u0000b"},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": "migration", "type": "spaceship", "country": "ZZ", "theme": "nope"},
        {"q": "migration", "page": "abc"},
        {"q": "migration", "page": "-4"},
    ],
)
def test_hostile_queries_get_a_normal_page(client, pages, params):
    make_practice(pages["library"], "Migration")
    assert client.get("/fr/search/", params).status_code == 200


def test_deep_pages_are_a_404(client, pages):
    assert client.get("/fr/search/", {"q": "migration", "page": "9999"}).status_code == 404


def test_a_search_costs_the_same_queries_for_3_or_30_practices(session_client, pages):
    """One query per kind of result shown loads them, so the kinds are held fixed."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            search(session_client, "fr", q="migration", type="practice")
        return len(queries)

    for n in range(3):
        make_practice(pages["library"], f"Migration {n}")
    count()
    few = count()
    for n in range(3, 30):
        make_practice(pages["library"], f"Migration {n}")
    count()
    assert count() == few <= 15
