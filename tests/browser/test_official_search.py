"""A partner-country official looks for practices in their own words, on a phone.

In French without JavaScript, then in Arabic: a question typed as it comes is answered
even though no practice holds every word as typed, a facet narrows it, the feed of the
selection lists the same practices, and words the library does not know are named.
"""

import html
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from demo.site import ensure_translation
from tests.browser.admin import PHONE, fits_the_screen
from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNSELLING = "Unités d'écoute pour les femmes migrantes victimes de violences à Oujda"


@pytest.fixture
def practices(library, taxonomy):
    counselling = make_practice(
        library,
        COUNSELLING,
        countries=("MA",),
        summary="Des cellules d'écoute accueillent les migrantes victimes de violences.",
    )
    make_practice(
        library,
        "Prévenir les violences faites aux jeunes à Dakar",
        countries=("SN",),
        summary="Des ateliers avec les jeunes de quartier.",
    )
    integration = make_practice(
        library,
        "Intégration des migrants dans les communes",
        summary="Les communes accueillent et intègrent les migrants.",
    )
    reintegration = make_practice(
        library,
        "Réintégration des migrants de retour",
        summary="Accompagner le retour et la réintégration économique.",
    )
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    ensure_translation(
        integration,
        "ar",
        {
            "title": "إدماج المهاجرين في الجماعات",
            "summary": "تستقبل الجماعات المهاجرين وتدمجهم.",
            "slug": "integration",
        },
    )
    ensure_translation(
        reintegration,
        "ar",
        {
            "title": "إعادة إدماج المهاجرين العائدين",
            "summary": "مواكبة العودة وإعادة الإدماج الاقتصادي.",
            "slug": "reintegration",
        },
    )
    return {"counselling": counselling}


def test_an_official_finds_practices_in_their_own_words(
    live_server, phone_without_javascript, practices, library
):
    """French, 390 px, JavaScript off: the question, a facet, the feed, unknown words."""
    page = phone_without_javascript
    page.goto(f"{live_server.url}{library.url}")
    page.fill("#library-q", "femmes migrantes violence")
    page.press("#library-q", "Enter")
    cards = page.locator(".library__results .card__title")
    expect(cards.first).to_have_text(COUNSELLING)
    assert fits_the_screen(page)

    page.locator("#refine summary", has_text="Pays").click()  # the group opens, as on a phone
    page.get_by_label("Maroc").first.check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "country=MA" in page.url
    expect(cards.first).to_have_text(COUNSELLING)
    shown = cards.all_inner_texts()
    assert "Prévenir les violences faites aux jeunes à Dakar" not in shown

    # The feed of this selection lists the same practices in the same order.
    rss = page.get_by_role("link", name="RSS").first.get_attribute("href")
    feed = page.request.get(urljoin(page.url, rss))
    assert feed.ok
    items = feed.text().split("<item>")[1:]
    titles = [html.unescape(item.split("<title>")[1].split("</title>")[0]) for item in items]
    assert titles == shown

    page.fill("#library-q", "xylophone")
    page.press("#library-q", "Enter")
    expect(page.locator(".empty-state")).to_contain_text("xylophone")


def test_an_official_asks_in_arabic(live_server, browser_page, practices):
    """Arabic, 390 px: the integration practice comes before reintegration."""
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/ar/search/?q=إدماج المهاجرين")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    titles = page.locator("ol.search-results .card__title a")
    expect(titles.first).to_have_text("إدماج المهاجرين في الجماعات")
    assert fits_the_screen(page)
