"""An editor, in the Arabic admin on a phone, adds a policy document through the uploader
the admin links to (Documents > Add: several files at once), fills in its details, and
finds a word of its text in the policy library."""

import pytest
from playwright.sync_api import expect

from demo.exchange_pdf import pdf_bytes
from exchange.models import PolicyDocument
from tests.browser.admin import PHONE, fits_the_screen, log_in, staff_member
from website.bootstrap import EDITORS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_uploads_a_document_and_finds_its_text_in_the_library(
    live_server,
    browser_page,
    policy_library,
    tmp_path,
):
    pdf = tmp_path / "plan-saisonniers.pdf"
    pdf.write_bytes(pdf_bytes([["Plan de vaccination des travailleurs saisonniers"]]))
    page = browser_page
    page.set_viewport_size(PHONE)
    log_in(page, live_server, staff_member("redactrice-ma", EDITORS, "ar"))

    page.goto(f"{live_server.url}/admin/documents/")
    page.click("a[href$='/admin/documents/multiple/add/']")
    page.set_input_files("#fileupload", str(pdf))
    details = page.locator("#upload-list > li form")
    expect(details).to_be_visible()
    assert fits_the_screen(page)
    details.locator("[name$='-title']").fill("Plan de vaccination saisonnier")
    details.locator("[name$='-doc_type']").select_option("action_plan")
    details.locator("[name$='-language']").select_option("fr")
    details.locator("[name$='-country']").select_option("SN")
    details.locator("button[type=submit]").click()
    expect(page.locator("#upload-list > li")).to_have_count(0)  # saved, and gone

    document = PolicyDocument.objects.get()
    assert document.uploaded_by_user.username == "redactrice-ma"
    page.goto(live_server.url + policy_library.url)
    page.fill("input[name=q]", "travailleurs")  # in the file, not in its details
    page.press("input[name=q]", "Enter")
    expect(page.get_by_text("Plan de vaccination saisonnier")).to_be_visible()
