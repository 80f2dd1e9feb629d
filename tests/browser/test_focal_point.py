"""A focal point named on the Senegal page works a request about Senegal in the admin,
in Arabic on a phone: the dashboard shows it, an internal note for colleagues, a message
to the requester (mailed in French, the requester's language), then planned with its event."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from demo.site import publish_child
from exchange import workflow
from exchange.models import CountryIndexPage, CountryPage, ExchangeRequest, FocalPoint
from exchange.models.requests import RequestStatus
from tests.asking import request_data
from tests.browser.admin import PHONE, fits_the_screen, log_in, staff_member
from tests.factories import at, make_event
from website.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def name_on_senegal_page(user):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(home, CountryIndexPage(title="Pays", slug="pays"))
    page = CountryPage(title="Sénégal", slug="senegal", country="SN", summary="Sénégal.")
    page.focal_points = [FocalPoint(name="Fatou Diop", email="fatou@example.org", user=user)]
    return publish_child(index, page)


def ask_about_senegal():
    data = request_data(country="SN")
    del data["consent"], data["website"]
    return workflow.submit(data, "fr")


def test_a_focal_point_works_a_request_in_arabic_on_a_phone(
    live_server, browser_page, calendar_page
):
    fatou = staff_member("fatou", None, "ar", first_name="Fatou", last_name="Diop")
    name_on_senegal_page(fatou)
    request = ask_about_senegal()
    event = make_event(calendar_page, "Visite d’étude à Dakar", at(2027, 9, 20), countries=["SN"])
    mail.outbox.clear()
    page = browser_page
    page.set_viewport_size(PHONE)

    log_in(page, live_server, fatou)
    panel = page.locator("#open-exchange-requests-section")
    expect(panel).to_contain_text(request.reference)
    assert fits_the_screen(page)
    panel.get_by_role("link", name=request.reference).click()
    expect(page).to_have_url(re.compile(rf"/admin/exchange-requests/{request.pk}/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert fits_the_screen(page)

    page.fill("#id_note-text", "الاتصال بالمديرية يوم الاثنين.")
    page.locator("form[action$='/notes/'] button[type=submit]").click()
    expect(page.locator("table.listing")).to_contain_text("الاتصال بالمديرية يوم الاثنين.")
    assert mail.outbox == [], "an internal note is never mailed"

    page.fill("#id_message-text", "Nous vous proposons une visite d’étude à Dakar.")
    page.locator("form[action$='/messages/'] button[type=submit]").click()
    expect(page.locator("table.listing")).to_contain_text("une visite d’étude à Dakar")
    [message] = mail.outbox
    assert message.to == ["mamadou.sow@example.org"]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Nous vous proposons une visite d’étude à Dakar." in message.body

    page.locator("button[name=status][value=in_discussion]").click()
    page.select_option("#event", str(event.pk))
    page.locator("button[name=status][value=planned]").click()
    expect(page.locator("dl")).to_contain_text(event.title)
    request = ExchangeRequest.objects.get()
    assert (request.status, request.resulting_event_id) == (RequestStatus.PLANNED, event.pk)
    assert [m.extra_headers["Content-Language"] for m in mail.outbox] == ["fr"] * 3
