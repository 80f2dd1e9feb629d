"""A visitor on a phone browses the library in French and in Arabic while an editor
publishes: the cards (read as plain values), the kept facets and the related practices
(found in the kept rows) say the same as the pages, and follow the publication at once."""

import re

import pytest
from playwright.sync_api import expect

from demo.site import ensure_translation
from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def senegal_count(page):
    label = page.locator(".facet-form input[name=country][value=SN]").locator("xpath=..")
    return int(re.search(r"\((\d+)\)", label.text_content()).group(1))


def test_a_visitor_filters_the_library_and_follows_related_practices(
    live_server, browser_context, library, taxonomy
):
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    diaspora = taxonomy["diaspora"]
    first = make_practice(
        library, "Guichets de la diaspora", countries=["SN"], themes=[diaspora], status="completed"
    )
    make_practice(library, "Fonds d'investissement", countries=["SN", "MA"], themes=[diaspora])
    make_practice(library, "Santé à Abidjan", countries=["CI"], themes=[taxonomy["health"]])
    ensure_translation(first, "ar", {"title": "شبابيك الجالية", "slug": "shababik"})
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}/fr/bonnes-pratiques/")
    card = page.locator(".card", has_text="Guichets de la diaspora")
    expect(card.locator(".card__meta")).to_contain_text("Sénégal · 2015– · Achevée")
    assert senegal_count(page) == 2

    page.locator("summary", has_text="Pays").click()
    page.locator(".facet-form input[name=country][value=SN]").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.locator("#results-heading")).to_have_text("2 pratiques")
    expect(page.locator(".card", has_text="Santé à Abidjan")).to_have_count(0)

    make_practice(library, "Bourses au retour", countries=["SN"], themes=[diaspora])
    page.reload()
    expect(page.locator("#results-heading")).to_have_text("3 pratiques")
    assert senegal_count(page) == 3
    page.goto(f"{live_server.url}/fr/bonnes-pratiques/")
    assert senegal_count(page) == 3, "the unfiltered page's kept facets followed too"

    page.get_by_role("link", name="Guichets de la diaspora").click()
    related = page.locator("section[aria-labelledby=related]")
    expect(related.locator(".card__title")).to_have_text(
        ["Bourses au retour", "Fonds d'investissement"]
    )
    related.get_by_role("link", name="Fonds d'investissement").click()
    expect(page.locator("h1")).to_have_text("Fonds d'investissement")

    page.goto(f"{live_server.url}/ar/practices/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    card = page.locator(".card", has_text="شبابيك الجالية")
    expect(card.locator(".card__meta")).to_contain_text("السنغال")
    expect(card.locator(".language-mark")).to_have_count(0)
    foreign = page.locator(".card", has_text="Fonds d'investissement")
    expect(foreign.locator(".card__meta")).to_contain_text("السنغال، المغرب")
    expect(foreign.get_by_role("link")).to_have_attribute("lang", "fr")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    card.get_by_role("link", name="شبابيك الجالية").click()
    expect(page).to_have_url(f"{live_server.url}/ar/practices/shababik/")
