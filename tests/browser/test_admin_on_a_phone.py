"""The admin screens this platform adds read on a phone in Arabic, as the people who use
them open them: right to left, nothing wider than the screen, what a requester wrote in
French marked as French."""

import pytest
from playwright.sync_api import expect

from demo.site import ensure_translation
from tests.asking import submitted_request
from tests.browser.admin import PHONE, fits_the_screen, log_in, log_out, staff_member
from tests.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENS = {
    "Translators": ["/admin/translations/", "/admin/translations/?language=ar&status=missing"],
    "Editors": ["/admin/practices/import/", "/admin/translations/"],
    "Moderators": ["/admin/exchange-requests/", "/admin/exchange-requests/{request}/"],
}


def test_the_new_admin_screens_fit_a_phone_in_arabic(live_server, browser_page, library):
    practice = make_practice(library, "Guichet unique pour la diaspora d’Oujda", countries=["MA"])
    ensure_translation(practice, "en", {"title": "One-stop shop", "slug": "one-stop-shop"})
    request = submitted_request("MA", institution="Commune urbaine de Oujda-Angad")
    page = browser_page
    page.set_viewport_size(PHONE)
    for group, paths in SCREENS.items():
        log_in(page, live_server, staff_member(group.lower(), group, "ar"))
        for path in paths:
            response = page.goto(live_server.url + path.format(request=request.pk))
            assert response.status == 200, (group, path)
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            assert fits_the_screen(page), (group, path)
        log_out(page)
    # The last screen, the request: the requester's French reads left to right in Arabic.
    expect(page.locator('dd[lang="fr"][dir="auto"]').first).to_contain_text("guichet")
