"""A translator (Arabic admin) translates a live practice and submits it; a moderator
(French admin) publishes it from the dashboard; once the French page changes, the
overview shows the Arabic translation as out of date."""

import pytest
from playwright.sync_api import expect

from demo.site import ensure_translation
from practices.models import PracticePage
from tests.browser.admin import PHONE, fits_the_screen, log_in, log_out, staff_member
from tests.factories import make_practice
from website.bootstrap import MODERATORS, TRANSLATORS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_translation_goes_live_through_moderation(live_server, browser_page, library):
    ensure_translation(library, "ar", {"title": "ممارسات جيدة", "slug": "mumarasat"})
    practice = make_practice(
        library, "Guichet unique", results=[("1 855", "entrepreneurs conseillés")]
    )
    translator = staff_member("traductrice", TRANSLATORS, "ar")
    moderator = staff_member("moderateur", MODERATORS, "fr")
    page = browser_page

    log_in(page, live_server, translator)
    page.goto(f"{live_server.url}/admin/localize/submit/page/{practice.pk}/")
    page.get_by_label("العربية").check()
    page.locator("form [type=submit]").last.click()
    page.wait_for_url("**/admin/pages/*/edit/")
    arabic = PracticePage.objects.get(
        translation_key=practice.translation_key, locale__language_code="ar"
    )
    assert not arabic.live

    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="ترجمة", exact=True).first.click()
    page.locator("textarea").first.fill("الشباك الموحد")
    page.locator("textarea").first.press("Enter")
    expect(page.get_by_text("الشباك الموحد")).to_be_visible()
    assert fits_the_screen(page)
    page.locator("button[value=submit-translation]").click()
    page.wait_for_load_state()
    arabic.refresh_from_db()
    assert not arabic.live

    log_out(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server, moderator)
    preview = page.locator("a[href*='/workflow/preview/']").first.get_attribute("href")
    page.goto(live_server.url + preview)
    expect(page.get_by_text("الشباك الموحد").first).to_be_visible()
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="Actions").first.click()
    page.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    page.wait_for_load_state("networkidle")
    arabic.refresh_from_db()
    assert arabic.live and arabic.title == "الشباك الموحد"

    practice.summary = "Un nouveau résumé."
    practice.save_revision().publish()
    page.goto(f"{live_server.url}/admin/translations/?language=ar&status=out-of-date")
    cell = page.locator(f"td[data-language=ar]:has(a[href$='/pages/{arabic.pk}/edit/'])")
    expect(cell).to_have_attribute("data-status", "live out-of-date")
