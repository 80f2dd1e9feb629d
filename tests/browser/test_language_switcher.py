import pytest
from playwright.sync_api import expect

from demo import site as demo
from demo.site import ensure_translation
from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def html_attributes(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def test_home_page_in_three_languages_through_the_switcher(live_server, browser_page):
    demo.seed()
    page = browser_page
    page.goto(f"{live_server.url}/fr/")
    assert html_attributes(page) == ["fr", "ltr"]
    expect(page.locator("h1")).to_have_text("Échange Sud–Sud sur les migrations")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    assert html_attributes(page) == ["en", "ltr"]

    page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(f"{live_server.url}/ar/")
    assert html_attributes(page) == ["ar", "rtl"]
    expect(page.locator("h1")).to_have_text("منصة التبادل جنوب–جنوب حول الهجرة")


def test_switcher_keeps_the_reader_on_the_same_page(live_server, browser_page):
    demo.seed()
    page = browser_page
    page.goto(f"{live_server.url}/ar/about/")
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(f"{live_server.url}/fr/a-propos/")
    expect(page.locator("h1")).to_have_text("À propos")


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus(live_server, browser_page):
    demo.seed()
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/#main")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/ar/", "/fr/a-propos/"])
def test_pages_fit_a_390_pixel_phone_without_sideways_scrolling(live_server, browser_context, path):
    demo.seed()
    page = browser_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".language-switcher")).to_be_in_viewport()


def switch_to(page, language):
    page.locator(".language-switcher").get_by_role("link", name=language).click()


def test_on_a_phone_switching_keeps_the_readers_place_or_says_why_not(
    live_server, phone_without_javascript, library, calendar_page
):
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "mumarasat"})
    practice = make_practice(library, "Guichet unique de Rabat", countries=["MA"])
    page, site = phone_without_javascript, live_server.url

    page.goto(f"{site}/fr/agenda/month/2030/5/?type=forum")
    switch_to(page, "العربية")
    expect(page).to_have_url(f"{site}/ar/ajenda/month/2030/5/?type=forum")
    assert html_attributes(page) == ["ar", "rtl"]

    page.goto(f"{site}/ar/mumarasat/?country=MA&q=%D8%B5%D8%AD%D8%A9")
    switch_to(page, "Français")
    expect(page).to_have_url(f"{site}/fr/bonnes-pratiques/?country=MA&q=%D8%B5%D8%AD%D8%A9")
    expect(page.locator("#untranslated-notice")).to_have_count(0)

    page.goto(f"{site}/fr/search/?q=diaspora")
    switch_to(page, "العربية")
    expect(page).to_have_url(f"{site}/ar/search/?q=diaspora")

    page.goto(f"{site}{practice.url}")
    switch_to(page, "العربية")
    expect(page).to_have_url(f"{site}/ar/mumarasat/?untranslated=1")
    notice = page.locator("#untranslated-notice")
    expect(notice).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
