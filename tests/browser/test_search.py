"""The header search box: without JavaScript it searches; with it, it suggests titles."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_header_box_suggests_titles_then_searches(live_server, browser_page, library):
    make_practice(library, "Intégration des jeunes à Oujda")
    page = browser_page
    page.goto(f"{live_server.url}/fr/")
    box = page.locator("#site-search-q")
    box.fill("integ")
    expect(page.locator("#site-search-suggestions option")).to_have_count(1)
    assert (
        page.locator("#site-search-suggestions option").get_attribute("value")
        == "Intégration des jeunes à Oujda"
    )
    box.fill("integration")
    box.press("Enter")
    expect(page.locator(".search-results .card__title").first).to_have_text(
        "Intégration des jeunes à Oujda"
    )
    expect(page.locator(".search-results mark").first).to_have_text("Intégration")
