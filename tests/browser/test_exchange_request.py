"""A visitor on a phone, in Arabic, asks to learn from a practice: from the practice page
to the form at its own address, sent, confirmed on screen and by e-mail."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from demo.site import ensure_translation
from exchange.models import ExchangeRequest
from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ask_to_learn_from_a_practice_in_arabic_on_a_phone(live_server, browser_page, library):
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    practice = make_practice(library, "Centre d’accueil d’Oujda", countries=["MA"])
    arabic = ensure_translation(practice, "ar", {"title": "مركز وجدة", "slug": "oujda"})
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + arabic.url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("link", name="طلب الاستفادة من هذه الممارسة").click()

    expect(page).to_have_url(re.compile(rf"/ar/exchange/learn/practice/{arabic.pk}/$"))
    page.fill("[name=institution]", "جماعة زيغينشور")
    page.select_option("[name=requester_country]", "SN")
    page.fill("[name=contact_name]", "مامادو سو")
    page.fill("[name=email]", "mamadou.sow@example.org")
    page.fill("[name=wants_to_learn]", "كيف نفتح شباكا لاستقبال المهاجرين.")
    page.check("[name=preferred_format][value=study_visit]")
    page.focus("[name=consent]")
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll"
    page.get_by_role("button", name="إرسال طلبي").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("تم استلام الطلب")
    request = ExchangeRequest.objects.get()
    assert request.practice.translation_key == practice.translation_key
    to_requester = [m for m in mail.outbox if m.to == ["mamadou.sow@example.org"]]
    assert [m.extra_headers["Content-Language"] for m in to_requester] == ["ar"]
