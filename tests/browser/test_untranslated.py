"""A practice written in French only, as an Arabic and a French reader meet it on a phone."""

import pytest
from playwright.sync_api import expect

from demo import site as demo
from demo.site import ensure_translation, publish_child
from practices.models import PracticeIndexPage
from tests.factories import make_practice
from website.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_french_only_practice_is_listed_in_the_arabic_library_marked(
    live_server, browser_context
):
    demo.seed()
    home = HomePage.objects.get(locale__language_code="fr")
    library = publish_child(home, PracticeIndexPage(title="Bonnes pratiques", slug="pratiques"))
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    make_practice(
        library,
        "Guichets communaux de la diaspora",
        countries=["SN"],
        summary="Des guichets pour les Sénégalais de l'extérieur.",
    )
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}/ar/practices/")
    card = page.locator(".card", has_text="Guichets communaux de la diaspora")
    title = card.get_by_role("link", name="Guichets communaux de la diaspora")
    expect(title).to_have_attribute("lang", "fr")
    expect(title).to_have_attribute("dir", "ltr")
    expect(card.locator(".card__summary")).to_have_attribute("lang", "fr")
    expect(card.locator(".language-mark")).to_be_visible()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    title.click()
    expect(page).to_have_url(f"{live_server.url}/fr/pratiques/guichets-communaux-de-la-diaspora/")
    assert page.evaluate("document.documentElement.lang") == "fr"

    page.goto(f"{live_server.url}/fr/pratiques/")
    card = page.locator(".card", has_text="Guichets communaux de la diaspora")
    expect(card.locator(".language-mark")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
