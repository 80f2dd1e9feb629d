"""On a phone, in French and Arabic, a reader goes from a practice to the event where it
was presented, finds the practice listed there, and comes back."""

import pytest
from playwright.sync_api import expect

from demo.site import ensure_translation
from tests.factories import at, make_event, make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_practice_leads_to_its_event_and_back(live_server, browser_page, library, calendar_page):
    practice = make_practice(library, "Guichets migrants de Rabat", countries=["MA"])
    event = make_event(calendar_page, "Forum de Rabat", at(2027, 2, 24), countries=["MA"])
    event.related_practices = [practice]
    event.save_revision().publish()
    ensure_translation(library, "ar", {"title": "الممارسات", "slug": "mumarasat"})
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    pages = {
        "fr": (practice, event),
        "ar": (
            ensure_translation(practice, "ar", {"title": "شبابيك الرباط", "slug": "shababik"}),
            ensure_translation(event, "ar", {"title": "منتدى الرباط", "slug": "muntada"}),
        ),
    }
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    for code, (practice_page, event_page) in pages.items():
        page.goto(live_server.url + practice_page.url)
        expect(page.locator("html")).to_have_attribute("lang", code)
        section = page.locator("section[aria-labelledby='related-events']")
        section.get_by_role("link", name=event_page.title).click()
        page.wait_for_url(f"**{event_page.url}")
        expect(page.get_by_role("heading", level=1)).to_have_text(event_page.title)
        practice_link = page.get_by_role("link", name=practice_page.title)
        expect(practice_link).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll"
        page.go_back()
        page.wait_for_url(f"**{practice_page.url}")
        expect(page.get_by_role("heading", level=1)).to_have_text(practice_page.title)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll"
