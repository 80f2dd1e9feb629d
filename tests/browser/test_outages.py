"""What a visitor on a phone meets when the cache is down or when they search too fast:
a form that still works and a search page that says what happened, in French and Arabic."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from registrations.models import Registration
from registrations.states import Status
from tests.mailbox import last_link, path_of
from tests.registering import fill_in, register_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_registering_on_a_phone_while_redis_is_down(
    live_server, browser_page, forum, redis_and_broker_down, code
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + register_url(forum, code))
    fill_in(
        page,
        full_name="Awa Koné",
        email="awa.kone@example.org",
        country="CI",
        organisation="Direction générale des Ivoiriens de l’extérieur",
        role="Chargée d’études",
        interpretation_language=code,
    )
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert fits_the_phone(page)

    assert mail.outbox[-1].extra_headers["Content-Language"] == code, "mailed at once"
    page.goto(live_server.url + path_of(last_link("confirm")))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".registration-status--confirmed")).to_be_visible()
    assert Registration.objects.get().status == Status.CONFIRMED


@pytest.mark.parametrize(("code", "notice"), [("fr", "Trop de recherches"), ("ar", "كثيرة جدًا")])
def test_searching_too_fast_says_so_and_keeps_the_question(
    live_server, browser_page, site_tree, settings, code, notice
):
    settings.SEARCH_REQUESTS_PER_MINUTE = 1
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{code}/search/?q=diaspora")
    expect(page.locator("main")).not_to_contain_text(notice)
    response = page.goto(f"{live_server.url}/{code}/search/?q=migrants")
    assert response.status == 429
    expect(page.locator("main")).to_contain_text(notice)
    expect(page.locator("main input[name=q]")).to_have_value("migrants")
    assert fits_the_phone(page)
