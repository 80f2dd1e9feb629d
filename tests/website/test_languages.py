import re

import pytest
from wagtail.models import Locale

from demo.site import ensure_translation
from tests.factories import StandardPageFactory, make_document
from website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("ar-MA,ar;q=0.9,fr;q=0.5", "/ar/"),
        ("fr-CI,fr;q=0.9", "/fr/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language_falling_back_to_french(
    client, site_tree, accept, target
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "skip_link"),
    [
        ("/fr/", "fr", "ltr", "Aller au contenu principal"),
        ("/en/", "en", "ltr", "Skip to main content"),
        ("/ar/", "ar", "rtl", "الانتقال إلى المحتوى الرئيسي"),
    ],
)
def test_each_locale_home_has_its_language_direction_and_words(
    client, site_tree, prefix, lang, direction, skip_link
):
    response = client.get(prefix)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert skip_link in html
    home = HomePage.objects.get(locale__language_code=lang)
    assert f"<h1>{home.title}</h1>" in html


def test_switcher_lands_on_the_same_page_in_the_other_language(client, site_tree):
    html = client.get("/fr/a-propos/").content.decode()
    switcher = _switcher(html)
    assert 'href="/en/about/" hreflang="en"' in switcher
    assert 'href="/ar/about/" hreflang="ar"' in switcher
    assert '<span aria-current="true" lang="fr">Français</span>' in switcher


def test_switcher_falls_back_to_the_home_page_without_a_translation(client, site_tree):
    french_home = HomePage.objects.get(locale__language_code="fr")
    page = StandardPageFactory(parent=french_home, slug="seulement-en-francais")
    html = client.get(page.url).content.decode()
    switcher = _switcher(html)
    assert 'href="/en/?untranslated=1" hreflang="en"' in switcher
    assert 'href="/ar/?untranslated=1" hreflang="ar"' in switcher
    assert 'hreflang="en" href=' not in html


def test_switcher_falls_back_to_the_nearest_translated_ancestor_which_says_why(client, site_tree):
    about = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    page = StandardPageFactory(parent=about, slug="equipe")
    switcher = _switcher(client.get(page.url).content.decode())
    assert 'href="/en/about/?untranslated=1" hreflang="en"' in switcher
    landed = client.get("/en/about/?untranslated=1").content.decode()
    assert '<p class="notice" id="untranslated-notice">' in landed
    assert "not available in this language" in landed
    for bad in ("?untranslated=2", "?untranslated=%ff%00", "?untranslated=1&untranslated=x"):
        response = client.get(f"/en/about/{bad}")
        assert response.status_code == 200
    assert "not available" not in client.get("/en/about/").content.decode()


def test_switcher_keeps_the_sub_route_and_the_query_string(
    client, library, calendar_page, policy_library
):
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    document = make_document("Stratégie nationale", summary="Texte.")
    for path, expected in [
        (
            f"/fr/documents/document/{document.pk}/",
            {"en": f"/en/documents/document/{document.pk}/"},
        ),
        (
            "/fr/agenda/month/2030/5/?type=forum",
            {
                "en": "/en/calendar/month/2030/5/?type=forum",
                "ar": "/ar/ajenda/month/2030/5/?type=forum",
            },
        ),
        ("/en/calendar/past/?page=2", {"fr": "/fr/agenda/past/?page=2"}),
        (
            "/fr/bonnes-pratiques/?country=SN&q=sant%C3%A9",
            {"en": "/en/good-practices/?country=SN&amp;q=sant%C3%A9"},
        ),
        (
            "/fr/search/?q=diaspora",
            {"en": "/en/search/?q=diaspora", "ar": "/ar/search/?q=diaspora"},
        ),
    ]:
        html = client.get(path).content.decode()
        switcher = _switcher(html)
        for code, url in expected.items():
            assert f'href="{url}" hreflang="{code}"' in switcher, (path, switcher)
            assert f'hreflang="{code}" href="http://testserver{url}"' in html


def test_draft_translation_is_not_offered(client, site_tree):
    about_fr = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    about_ar = about_fr.get_translation(Locale.objects.get(language_code="ar"))
    about_ar.unpublish()
    html = client.get("/fr/a-propos/").content.decode()
    assert 'href="/ar/?untranslated=1" hreflang="ar"' in _switcher(html)
    assert 'hreflang="ar" href=' not in html


def test_hreflang_alternates_list_every_live_translation(client, site_tree):
    html = client.get("/en/about/").content.decode()
    alternates = dict(re.findall(r'rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    assert alternates == {
        "fr": "http://testserver/fr/a-propos/",
        "en": "http://testserver/en/about/",
        "ar": "http://testserver/ar/about/",
    }


def test_unknown_page_is_a_translated_404_with_switcher_to_homes(client, site_tree):
    response = client.get("/ar/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'dir="rtl"' in html
    assert "الصفحة غير موجودة" in html
    assert 'href="/fr/" hreflang="fr"' in _switcher(html)


def test_unknown_language_prefix_is_not_served(client, site_tree):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404


def _switcher(html):
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
