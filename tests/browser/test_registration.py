"""A participant registers in Arabic on a phone-sized screen, confirms from the e-mail,
sees the confirmed status and cancels."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from registrations.links import CONFIRM, make_token
from registrations.models import Registration
from registrations.states import Status
from tests.mailbox import last_link, path_of
from tests.registering import fill_in, page_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_register_confirm_and_cancel_in_arabic(live_server, browser_page, forum):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + page_in(forum, "ar").url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("link", name="تسجيل", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("التسجيل في هذه الفعالية")
    fill_in(
        page,
        full_name="فاطمة الزهراء بنعلي",
        email="fatima@example.org",
        country="MA",
        category="local_authority",
        organisation="جماعة وجدة",
        role="مستشارة",
        interpretation_language="ar",
    )  # the consent box is ticked from the keyboard
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll"
    page.get_by_role("button", name="تسجيل").click()
    expect(page.locator("[role=status]")).to_be_visible()

    assert mail.outbox[-1].extra_headers["Content-Language"] == "ar"
    page.goto(live_server.url + path_of(last_link("confirm")))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".registration-status--confirmed")).to_be_visible()
    assert Registration.objects.get().status == Status.CONFIRMED

    page.get_by_role("link", name="إلغاء تسجيلي").click()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".registration-status--cancelled")).to_be_visible()
    assert Registration.objects.get().status == Status.CANCELLED


@pytest.mark.parametrize(("code", "confirmed"), [("fr", "Confirmée"), ("ar", "مؤكَّد")])
def test_a_link_e_mailed_before_the_move_confirms_on_a_phone(
    live_server, browser_page, forum, code, confirmed
):
    """Links sent while the form was a sub-route of the event page still lead, by a
    permanent redirect, to the confirmation, in the participant's language."""
    registration = Registration.objects.create(
        event=forum,
        language=code,
        full_name="Awa Koné",
        email="awa.kone@example.org",
        country="CI",
        category="government",
        consented_at=timezone.now(),
    )
    token = make_token(registration, CONFIRM)
    old = f"{page_in(forum, code).url}registration/{token}/confirm/"
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + old)
    expect(page).to_have_url(re.compile(rf"/{code}/events/\d+/registration/.+/confirm/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll"
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".registration-status--confirmed")).to_contain_text(confirmed)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
