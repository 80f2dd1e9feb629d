"""The listing engine's reading of the visitor's words: facet values they name, words
that found nothing, and what the empty state offers instead."""

import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from practices.library import LIBRARY, in_order
from tests.factories import make_document, make_practice
from website import listing
from website.query_names import named_values
from website.search_text import fold
from website.text_search import TextSearch

pytestmark = pytest.mark.django_db


def words(q):
    return tuple(re.findall(r"\w+", fold(q)))


@pytest.mark.parametrize(
    ("q", "named"),
    [
        ("diaspora investment Senegal", {"country": {"SN"}, "theme": {"diaspora"}}),
        ("Sénégal", {"country": {"SN"}}),
        ("السنغال", {"country": {"SN"}}),
        ("accès à la santé", {"theme": {"health"}}),
        ("health in Côte d'Ivoire", {"country": {"CI"}, "theme": {"health"}}),
        ("الإدماج", {"theme": {"integration"}}),
        ("formation professionnelle", {}),
    ],
)
def test_the_query_names_countries_and_themes_in_any_language(taxonomy, q, named):
    assert named_values(LIBRARY.facets, words(q))[0] == named


@pytest.mark.parametrize("countries", [("MA", "SN"), ("SN", "MA")], ids=["sn-newer", "sn-older"])
def test_of_equal_matches_the_one_in_the_named_country_ranks_first(client, library, countries):
    """Whichever of two equal matches the text search puts first."""
    for country in countries:
        make_practice(library, f"Migrants {country}", countries=[country], summary="Au Sénégal.")
    html = client.get(library.url, {"q": "migrants Sénégal"}).content.decode()
    titles = re.findall(r'card__title"><a href="[^"]+">([^<]+)', html)
    assert titles == ["Migrants SN", "Migrants MA"]


def test_words_that_found_nothing_are_named_as_typed_unless_they_name_a_value():
    search = TextSearch(
        q="Migrantes Sénégal zzz",
        words=("migrantes", "senegal", "zzz"),
        unmatched=("senegal", "zzz"),
    )
    assert listing.unmatched_words(search.q, search, naming={"senegal"}) == ("zzz",)
    assert listing.unmatched_words(search.q, search) == ("Sénégal", "zzz")


def test_the_empty_state_names_the_words_and_links_to_the_search_without_them(library):
    make_practice(library, "Migrants à Rabat", countries=["MA"])
    state = listing.parse(LIBRARY, QueryDict("q=migrants+zzz&country=SN"), "fr")
    result = listing.run(LIBRARY, Locale.objects.get(language_code="fr"), state, in_order)
    assert result.total == 0
    assert result.unmatched == ("zzz",)
    with translation.override("en"):
        html = render_to_string(
            "website/includes/empty_results.html",
            {"listing": result, "message": "Nothing", "action": "/fr/bonnes-pratiques/"},
        )
    assert "This word found nothing: zzz." in html
    assert 'href="?q=migrants&amp;country=SN">Search without them' in html


def test_nothing_found_offers_a_spelling_hint_and_each_filter_to_drop(client, library):
    make_practice(library, "Intégration locale", countries=["MA"], start_year=2016)
    html = client.get(library.url, {"q": "integraton"}).content.decode()
    assert 'href="?q=integration"' in html
    html = client.get(library.url, {"q": "integration", "country": "SN"}).content.decode()
    assert '<a href="?q=integration">sans « Pays » : 1 résultat</a>' in html
    both = {"q": "integration", "country": "SN", "until": "2010"}
    html = client.get(library.url, both).content.decode()
    assert "Retirer un filtre" not in html  # dropping one filter alone finds nothing
    html = client.get(library.url, {**both, "country": "MA"}).content.decode()
    assert '<a href="?q=integration&amp;country=MA">sans « Démarrée entre » : 1' in html


@pytest.mark.parametrize("page", ["practices", "documents", "search"])
def test_each_list_costs_the_same_queries_for_3_or_30_items(
    session_client, library, policy_library, taxonomy, page
):
    """A search with words and filters, right after a change and then as every later
    visitor gets it: never more queries with more items (the search page may cost fewer
    when its first page holds one kind of result instead of two)."""
    url = {"practices": library.url, "documents": policy_library.url, "search": "/fr/search/"}
    params = {"q": "migration", "country": "MA", "theme": "integration"}

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert session_client.get(url[page], params).status_code == 200
        return len(queries)

    def add(numbers):
        for n in numbers:
            make_practice(library, f"Migration {n}", themes=[taxonomy["integration"]])
            make_document(f"Migration {n}").themes.add(taxonomy["integration"])

    count()  # what any first visit costs once (the site, the locales)
    add(range(3))
    few = [count(), count()]
    add(range(3, 30))
    more = [count(), count()]
    assert more[0] <= few[0] and more[1] <= few[1], (few, more)


def test_results_found_by_some_words_name_the_others(client, library):
    make_practice(library, "Migrants à Rabat", countries=["MA"])
    html = client.get(library.url, {"q": "migrants xylophone"}).content.decode()
    assert "Migrants à Rabat" in html
    assert (
        "Aucun résultat ne contient « xylophone » : ces résultats contiennent vos autres mots."
        in html
    )
    html = client.get(library.url, {"q": "migrants Rabat"}).content.decode()
    assert "Aucun résultat ne contient" not in html
