"""A participant on a 390 px phone, in French and in Arabic: a failed form opens on its
error summary whose links lead to the fields; registered and confirmed, they see their
place on the waiting list; they ask for their links again by e-mail and, from that
message, cancel after being asked."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from registrations.models import Registration
from registrations.states import Status
from tests.mailbox import LINK, last_link, path_of
from tests.registering import fill_in, page_in, register_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "aicha.kone@example.org"


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_participant_walks_from_a_failed_form_to_a_confirmed_cancellation(
    live_server, browser_page, forum, code
):
    forum.capacity = 0
    forum.save_revision().publish()
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + register_url(forum, code))
    fill_in(page, full_name="", email=EMAIL, country="CI", interpretation_language=code)
    page.locator("form.form button[type=submit]").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    no_sideways_scroll(page)
    summary.get_by_role("link").click()
    expect(page.locator("#id_full_name")).to_be_focused()

    page.fill("#id_full_name", "Aïcha Koné")
    page.locator("form.form button[type=submit]").click()
    page.goto(live_server.url + path_of(last_link("confirm")))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".registration-position")).to_contain_text("1")
    assert Registration.objects.get().status == Status.WAITLISTED
    assert "1" in mail.outbox[-1].body.split("\n\n")[2], "the e-mail says the place too"

    page.goto(live_server.url + page_in(forum, code).url)
    page.locator("a[href$='/my-registrations/']").click()
    page.fill("[name=email]", EMAIL)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    [status_link] = LINK.findall(mail.outbox[-1].body)
    assert mail.outbox[-1].extra_headers["Content-Language"] == code

    page.goto(live_server.url + path_of(status_link))
    page.locator("a[href$='/cancel/']").click()
    expect(page.locator("main form button[type=submit]")).to_be_visible()
    no_sideways_scroll(page)
    assert Registration.objects.get().status == Status.WAITLISTED, "asked, not yet cancelled"
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".registration-status--cancelled")).to_be_visible()
    assert Registration.objects.get().status == Status.CANCELLED
