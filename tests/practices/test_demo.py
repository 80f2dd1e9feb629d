import re

import pytest

from practices.models import PracticeIndexPage, PracticePage
from practices.taxonomy import Organisation, Theme

# The demo as a whole, checked on one database: `make run` seeds it on SQLite, which
# tests/website/test_demo.py covers on both.
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]


@pytest.fixture
def demo(demo_content, db):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_demo_library_has_the_seeded_practices_in_three_languages(demo):
    for code in ("fr", "en", "ar"):
        assert PracticeIndexPage.objects.live().filter(locale__language_code=code).count() == 1
        assert PracticePage.objects.live().filter(locale__language_code=code).count() >= 15
    medma = PracticePage.objects.get(external_id="medma2", locale__language_code="fr")
    assert medma.country_links.exists()
    assert (
        Theme.objects.filter(locale__language_code="ar").count()
        == Theme.objects.filter(locale__language_code="fr").count()
    )
    assert Organisation.objects.filter(slug="giz").exists()


def test_figures_from_the_seeds_are_shown(client, demo):
    practice = PracticePage.objects.filter(
        locale__language_code="en", results__value="1,855"
    ).first()
    assert practice is not None
    assert "1,855" in client.get(practice.url).content.decode()


def test_home_page_shows_featured_practices(client, demo):
    html = client.get("/ar/").content.decode()
    featured = PracticePage.objects.live().filter(locale__language_code="ar", featured=True)
    assert featured.exists()
    for practice in featured[:4]:
        assert practice.title in html
    assert "No good practices have been published yet." not in html


def test_demo_library_finds_diaspora_practices_in_senegal(client, demo):
    html = client.get("/en/good-practices/", {"q": "diaspora", "country": "SN"}).content.decode()
    metas = re.findall(r'<p class="card__meta">([^<]*)</p>', html)
    assert metas
    assert all("Senegal" in meta for meta in metas)


def test_demo_library_matches_without_accents(client, demo):
    html = client.get("/fr/bonnes-pratiques/", {"q": "reintegration"}).content.decode()
    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles
    assert any("intégration" in title.lower() for title in titles)
