"""An editor imports practices in the French admin: the dry run shows the row in error, the
corrected file imports as drafts, all submitted for moderation at once; a moderator, in
Arabic on a phone, finds them awaiting review on the dashboard."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import PracticePage
from tests.browser.admin import PHONE, fits_the_screen, log_in, log_out, staff_member
from website.bootstrap import EDITORS, MODERATORS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CSV = """external_id,locale,title,summary,countries,themes,start_year,status
guichet-ma,fr,Guichet unique pour la diaspora,Un seul accueil.,MA,diaspora,2019,ongoing
guichet-ma,ar,شباك موحد للجالية,استقبال واحد.,,,,
bourses-sn,fr,Bourses de retour,Appui au retour.,SN,health,{year},ongoing
"""


def test_an_editor_imports_practices_and_submits_them_for_moderation(
    live_server, browser_page, library, tmp_path
):
    editor = staff_member("editrice-ma", EDITORS, "fr")
    moderator = staff_member("moderateur-sn", MODERATORS, "ar")
    wrong, fixed = tmp_path / "wrong.csv", tmp_path / "fixed.csv"
    wrong.write_text(CSV.format(year="deux-mille"), encoding="utf-8")
    fixed.write_text(CSV.format(year="2020"), encoding="utf-8")
    page = browser_page
    log_in(page, live_server, editor)

    page.locator(f"a[href='{reverse('practices_import')}']").first.click()
    page.set_input_files("#id_file", str(wrong))
    page.locator("form[enctype] button[type=submit]").click()
    error = page.locator(".practice-import-check tbody tr")
    expect(error).to_have_count(1)
    expect(error.locator("td")).to_have_text(
        ["4", "start_year", "« deux-mille » n'est pas une année"]
    )

    page.set_input_files("#id_file", str(fixed))
    page.locator("form[enctype] button[type=submit]").click()
    expect(page.locator(".practice-import-check tbody tr")).to_have_count(0)
    page.locator(f"form[action='{reverse('practices_import_confirm')}'] button").click()

    submit = page.locator("main form[method=POST] button[type=submit]")
    expect(page.locator("main li a[target=_blank]")).to_have_count(3)  # the drafts to submit
    submit.click()
    page.wait_for_url(f"**{reverse('wagtailadmin_explore', args=[library.pk])}")
    imported = PracticePage.objects.filter(external_id__in=["guichet-ma", "bourses-sn"])
    assert (
        sorted((p.live, p.owner_id, p.workflow_in_progress) for p in imported)
        == [(False, editor.pk, True)] * 3
    )

    log_out(page)
    page.set_viewport_size(PHONE)
    log_in(page, live_server, moderator)
    awaiting = page.locator("#awaiting-review-section")  # Wagtail's dashboard panel
    for title in ("Guichet unique pour la diaspora", "شباك موحد للجالية", "Bourses de retour"):
        expect(awaiting.get_by_role("link", name=title).first).to_be_visible()
    assert fits_the_screen(page)
