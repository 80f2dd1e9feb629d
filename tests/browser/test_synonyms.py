"""An editor, in the Arabic admin on a phone, teaches the search an acronym: FMMD (French)
and GFMD (English) name the same forum. A group of one phrase is refused with a reason;
the group saved, a French search for GFMD finds a practice that only says FMMD."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin import PHONE, fits_the_screen, log_in, staff_member
from tests.factories import make_practice
from website.bootstrap import EDITORS
from website.models import SearchSynonym

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIST = "/admin/snippets/website/searchsynonym/"


def test_an_editor_adds_an_acronym_and_the_search_finds_the_other_name(
    live_server, browser_page, library
):
    make_practice(library, "Le Maroc à la présidence du FMMD")
    page = browser_page
    page.set_viewport_size(PHONE)
    log_in(page, live_server, staff_member("redacteur-fmmd", EDITORS, "ar"))

    page.goto(live_server.url + LIST)
    page.locator(f"a[href$='{LIST}add/']").last.click()  # the empty state's link
    assert fits_the_screen(page)
    page.select_option("#id_language", "fr")
    page.fill("#id_phrases", "FMMD")
    page.click("button.action-save")
    expect(page.locator("#id_phrases")).to_have_attribute("aria-invalid", "true")
    assert not SearchSynonym.objects.exists()

    page.fill("#id_phrases", "FMMD\nGFMD")
    page.click("button.action-save")
    page.wait_for_url(live_server.url + LIST)
    expect(page.get_by_role("link", name="FMMD / GFMD")).to_be_visible()
    assert fits_the_screen(page)

    page.goto(f"{live_server.url}/fr/search/?q=GFMD")
    expect(page.locator(".search-results .card__title").first).to_have_text(
        "Le Maroc à la présidence du FMMD"
    )
