import json
import re

import feedparser
import pytest

from tests.factories import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(library, taxonomy):
    return make_practice(
        library,
        "Guichets d'accompagnement de la diaspora",
        countries=["MA", "SN"],
        themes=[taxonomy["diaspora"]],
        start_year=2016,
        end_year=2019,
        status="completed",
        place="Oujda, Berkane",
        implementing_organisations=[taxonomy["iom"]],
        funders=[taxonomy["eu"]],
        sdg_targets=[taxonomy["10.7"]],
        results=[("1 855", "entrepreneurs conseillés")],
        lessons="<p>Travailler avec les communes dès le départ.</p>",
        tags=["investissement", "diaspora"],
    )


def test_practice_page_shows_key_facts(client, practice):
    html = client.get(practice.url).content.decode()
    assert "Maroc, Sénégal (Oujda, Berkane)" in html
    assert "2016–2019" in html
    assert "Organisation internationale pour les migrations" in html
    assert "Union européenne" in html
    assert "10.7 Migrations ordonnées" in html
    assert '<strong dir="auto">1 855</strong> <span>entrepreneurs conseillés</span>' in html
    assert "Travailler avec les communes" in html


def test_practice_page_carries_structured_data(client, practice):
    html = client.get(practice.url).content.decode()
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(payload)
    assert data["@type"] == "CreativeWork"
    assert data["name"] == practice.title
    assert data["temporalCoverage"] == "2016/2019"
    assert {place["name"] for place in data["spatialCoverage"]} == {"Maroc", "Sénégal"}


def test_structured_data_cannot_close_its_script_element(client, library):
    practice = make_practice(library, "</script><script>alert(1)</script>", countries=["MA"])
    html = client.get(practice.url).content.decode()
    assert "</script><script>alert(1)" not in html


def test_related_practices_share_a_theme_or_country(client, library, taxonomy, practice):
    sibling = make_practice(
        library, "Autre pratique diaspora", countries=["ML"], themes=[taxonomy["diaspora"]]
    )
    make_practice(library, "Sans rapport", countries=["CI"], themes=[taxonomy["health"]])
    html = client.get(practice.url).content.decode()
    related = html.split('id="related"')[1]
    assert sibling.title in related
    assert "Sans rapport" not in related


def test_tag_page_lists_the_practices_with_that_tag(client, library, practice):
    make_practice(library, "Sans étiquette", countries=["CI"])
    html = client.get(practice.url).content.decode()
    assert 'href="/fr/bonnes-pratiques/tag/investissement/" rel="tag"' in html
    tag_page = client.get("/fr/bonnes-pratiques/tag/investissement/")
    assert tag_page.status_code == 200
    assert practice.title.replace("'", "&#x27;") in tag_page.content.decode()
    assert "Sans étiquette" not in tag_page.content.decode()
    assert client.get("/fr/bonnes-pratiques/tag/nothing-here/").status_code == 404


def test_end_year_before_start_year_is_refused_in_the_editor(admin_client, library):
    response = admin_client.post(
        f"/admin/pages/add/practices/practicepage/{library.pk}/",
        {
            "title": "Dates inversées",
            "slug": "dates-inversees",
            "summary": "Résumé.",
            "start_year": "2020",
            "end_year": "2010",
            "status": "ongoing",
            "country_links-TOTAL_FORMS": "1",
            "country_links-INITIAL_FORMS": "0",
            "country_links-MIN_NUM_FORMS": "1",
            "country_links-MAX_NUM_FORMS": "1000",
            "country_links-0-country": "MA",
            "country_links-0-ORDER": "1",
            "results-TOTAL_FORMS": "0",
            "results-INITIAL_FORMS": "0",
            "results-MIN_NUM_FORMS": "0",
            "results-MAX_NUM_FORMS": "1000",
            "body-count": "0",
            "related_documents-count": "0",
            "action-publish": "1",
        },
    )
    assert response.status_code == 200
    assert (
        "L&#x27;année de fin ne peut pas être antérieure à l&#x27;année de début."
        in response.content.decode()
    )


def test_rss_and_atom_feeds_parse_and_follow_the_filters(client, library, taxonomy, practice):
    make_practice(library, "Santé au Mali", countries=["ML"], themes=[taxonomy["health"]])
    for kind in ("rss", "atom"):
        response = client.get(f"/fr/bonnes-pratiques/feed/{kind}/", {"country": "ML"})
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == "fr" or feed.feed.get("language") == "fr"
        assert [entry.title for entry in feed.entries] == ["Santé au Mali"]
        assert feed.entries[0].link.endswith("/fr/bonnes-pratiques/sant%C3%A9-au-mali/")
    full = feedparser.parse(client.get("/fr/bonnes-pratiques/feed/rss/").content)
    assert len(full.entries) == 2


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/practices/theme/",
        "/admin/snippets/practices/theme/add/",
        "/admin/snippets/practices/organisation/add/",
        "/admin/snippets/practices/sdgtarget/",
        "/admin/snippets/practices/targetgroup/",
    ],
)
def test_taxonomy_screens_open_for_editors(admin_client, taxonomy, path):
    assert admin_client.get(path).status_code == 200


def test_practice_editor_opens_with_french_terms_only(admin_client, library, taxonomy):
    response = admin_client.get(f"/admin/pages/add/practices/practicepage/{library.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Intégration" in html
    assert "الإدماج" not in html  # translations of terms are not offered: practices link the source


def test_related_practices_most_shared_themes_first_then_newest(client, library, taxonomy):
    t = taxonomy
    practice = make_practice(
        library, "Pratique", countries=["MA"], themes=[t["diaspora"], t["integration"]]
    )
    both = make_practice(
        library, "Deux thèmes", countries=["CI"], themes=[t["diaspora"], t["integration"]]
    )
    make_practice(library, "Même pays, plus ancienne", countries=["MA"])
    one = make_practice(library, "Un thème", countries=["ML"], themes=[t["diaspora"]])
    country = make_practice(library, "Même pays", countries=["MA"], themes=[t["health"]])
    make_practice(library, "Sans rapport", countries=["SN"], themes=[t["health"]])
    html = client.get(practice.url).content.decode()
    related = re.findall(
        r'class="card__title"><a href="[^"]+">([^<]+)<', html.split('id="related"')[1]
    )
    assert related == [both.title, one.title, country.title]


def test_the_practice_page_asks_as_much_of_the_database_whatever_the_library_size(
    session_client, library, taxonomy, practice
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        session_client.get(practice.url)
        with CaptureQueriesContext(connection) as captured:
            assert session_client.get(practice.url).status_code == 200
        return len(captured)

    make_practice(library, "Voisine", countries=["MA"], themes=[taxonomy["diaspora"]])
    few = queries()
    for n in range(10):
        make_practice(library, f"Autre {n}", countries=["MA"], themes=[taxonomy["diaspora"]])
    assert queries() == few
