"""An editor (French admin) writes a practice with its classification and results,
previews it and submits it; a moderator previews it from the dashboard and approves it."""

import pytest
from playwright.sync_api import expect

from practices.models import PracticePage
from tests.browser.admin import log_in, log_out, staff_member
from website.bootstrap import EDITORS, MODERATORS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_practice_is_written_previewed_and_approved(live_server, browser_page, library, taxonomy):
    editor = staff_member("redactrice", EDITORS, "fr")
    moderator = staff_member("moderateur", MODERATORS, "fr")
    page = browser_page

    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/pages/add/practices/practicepage/{library.pk}/")
    page.fill("#id_title", "Maison des migrants")
    page.fill("#id_summary", "Un accueil pour les migrants de retour.")
    page.select_option("#id_country_links-0-country", "SN")
    page.fill("#id_start_year", "2019")
    page.select_option("#id_themes", label="Santé")
    page.locator("#id_results-ADD").click()
    page.fill("#id_results-0-value", "420")
    page.fill("#id_results-0-label", "personnes accueillies")

    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_text("personnes accueillies")).to_be_visible()
    expect(preview.get_by_text("Santé").first).to_be_visible()

    page.locator("footer .w-dropdown__toggle").last.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    practice = PracticePage.objects.get(title="Maison des migrants")
    assert not practice.live

    log_out(page)
    log_in(page, live_server, moderator)
    preview_url = page.locator("a[href*='/workflow/preview/']").first.get_attribute("href")
    page.goto(live_server.url + preview_url)
    expect(page.get_by_text("personnes accueillies")).to_be_visible()
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="Actions").first.click()
    page.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    page.wait_for_load_state("networkidle")
    practice.refresh_from_db()
    assert practice.live
    assert [theme.slug for theme in practice.themes.all()] == ["health"]
