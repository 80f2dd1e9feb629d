"""An organiser's event, from draft to approved registrations, through the real admin.

Awa organises events in the French admin at her desk: she writes an event that takes
registrations on approval, saves a draft, comes back to it from the page explorer and
submits it. An administrator gives her access to its registrations (logged in the event's
history). Once the event is live and a participant waits for approval, Awa, now in the
Arabic admin on her phone, finds the registration from her dashboard, approves it and
exports the list."""

import csv
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from events.models import EventPage
from registrations.managers import display_name
from registrations.states import Status
from tests.browser.admin import PHONE, fits_the_screen, log_in, log_out, staff_member
from tests.factories import UserFactory
from tests.registering import form_data, register_and_confirm
from website.bootstrap import EVENT_ORGANISERS, MODERATORS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Atelier de Dakar sur la mobilité des jeunes"
PARTICIPANT = form_data(full_name="Ousmane Ba", email="ousmane.ba@example.org")


def admin_path(live_server, path):
    return re.compile(re.escape(live_server.url) + path)


def write_event(page, live_server, calendar):
    """The new event's form, filled and saved as a draft: registration on approval,
    opening now, 40 seats."""
    page.goto(f"{live_server.url}/admin/pages/{calendar.pk}/")
    page.locator(f"a[href$='/pages/{calendar.pk}/add_subpage/']").first.click()
    expect(page).to_have_url(admin_path(live_server, r"/admin/pages/add/events/eventpage/\d+/$"))
    page.fill("#id_title", TITLE)
    page.select_option("#id_event_type", "workshop")
    page.fill("#id_summary", "Deux jours d’échanges entre services de l’emploi.")
    page.fill("#id_start_date", "2027-05-11")
    page.fill("#id_start_time", "09:00")
    page.fill("#id_end_date", "2027-05-12")
    page.fill("#id_end_time", "17:00")
    page.keyboard.press("Escape")  # the date picker covers the fields below
    page.locator("#id_country_links-ADD").click()
    page.select_option("#id_country_links-0-country", "SN")

    page.get_by_role("tab", name="Inscription").click()
    page.check("#id_registration_enabled")
    opens = timezone.localtime(timezone.now() - timedelta(minutes=1))
    page.fill("#id_registration_opens_at", opens.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.fill("#id_capacity", "40")
    page.check("#id_approval_required")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages .success")).to_be_visible()


def reopen_and_submit(page, live_server, calendar, event):
    """Back from the dashboard, through the explorer, to the draft; then submitted."""
    page.goto(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{calendar.pk}/")
    page.locator(f"a[href$='/pages/{event.pk}/edit/']").first.click()
    expect(page).to_have_url(admin_path(live_server, rf"/admin/pages/{event.pk}/edit/$"))
    expect(page.locator("#id_title")).to_have_value(TITLE)
    page.get_by_role("tab", name="Inscription").click()
    expect(page.locator("#id_approval_required")).to_be_checked()
    page.get_by_role("button", name="Plus d'actions").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages .success")).to_be_visible()


def grant_access(page, live_server, event, organiser):
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    page.get_by_role("tab", name="Inscription").click()
    page.locator(f"a[href$='/registrations/{event.pk}/access/']").click()
    page.get_by_label(display_name(organiser)).check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages .success")).to_be_visible()
    page.locator(f"a[href$='/pages/{event.pk}/history/']").click()
    with translation.override("fr"):
        granted = gettext("Gave %(person)s access to the registrations")
    expect(page.locator("main")).to_contain_text(granted % {"person": display_name(organiser)})


def moderators_approve(event):
    """The moderation journey is another test's: here a moderator simply approves."""
    task_state = WorkflowState.objects.get(object_id=str(event.pk)).current_task_state
    task_state.approve(user=UserFactory(username="moderatrice", groups=[MODERATORS]))


def speak(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_an_organiser_writes_an_event_and_approves_its_registrations(
    live_server, browser_page, calendar_page
):
    awa = staff_member("awa", EVENT_ORGANISERS, "fr", first_name="Awa", last_name="Ndiaye")
    administrator = staff_member("admin", None, "fr", is_superuser=True)
    page = browser_page

    log_in(page, live_server, awa)
    write_event(page, live_server, calendar_page)
    event = EventPage.objects.get(title=TITLE)
    assert not event.live and event.approval_required and event.capacity == 40
    reopen_and_submit(page, live_server, calendar_page, event)
    assert WorkflowState.objects.get(object_id=str(event.pk)).status == "in_progress"
    log_out(page)

    log_in(page, live_server, administrator)
    grant_access(page, live_server, event, awa)
    assert list(event.registration_managers.all()) == [awa]
    log_out(page)

    moderators_approve(event)
    speak(awa, "ar")
    mail.outbox.clear()
    registration = register_and_confirm(Client(), event, **PARTICIPANT)
    assert registration.status == Status.PENDING_APPROVAL
    [notice] = [m for m in mail.outbox if m.to == [awa.email]]
    assert notice.extra_headers["Content-Language"] == "ar"

    page.set_viewport_size(PHONE)
    log_in(page, live_server, awa)
    panel = page.locator("section.managed-events")
    expect(panel).to_contain_text(TITLE)
    awaiting = panel.locator(f"a[href$='?status={Status.PENDING_APPROVAL}']")
    expect(awaiting).to_have_text("1")
    assert fits_the_screen(page)
    awaiting.click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    row = page.locator("tbody tr", has_text=PARTICIPANT["full_name"])
    row.locator(f"button[value='approve:{registration.pk}']").click()
    expect(page.locator(".messages .success")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert fits_the_screen(page)

    page.goto(f"{live_server.url}/admin/registrations/{event.pk}/")
    with page.expect_download() as download:
        page.locator(f"a[href*='/registrations/{event.pk}/export.csv']").click()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as exported:
        rows = list(csv.reader(exported))
    [exported_row] = rows[1:]
    with translation.override("ar"):
        confirmed = str(Status.CONFIRMED.label)
    assert {PARTICIPANT["full_name"], PARTICIPANT["email"], confirmed} <= set(exported_row)
