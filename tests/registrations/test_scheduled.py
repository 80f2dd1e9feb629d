"""The scheduled tasks: reminders before the event, anonymisation after it."""

from datetime import timedelta

import pytest
from django.core import mail

from registrations.links import MANAGE, link
from registrations.models import Registration
from registrations.states import Status
from registrations.tasks import anonymise_past_registrations, send_due_reminders
from tests.mailbox import path_of
from tests.registering import move_event, register_and_confirm, submit
from website.models import OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_confirmed_participants_are_reminded_once_within_the_window(client, forum):
    confirmed = register_and_confirm(client, forum, "en", email="yes@example.org")
    forum.capacity = 1
    forum.save()
    register_and_confirm(client, forum, email="waiting@example.org")
    mail.outbox.clear()

    move_event(forum, timedelta(days=5))  # reminder_days_before is 3
    assert send_due_reminders.delay().get() == 0
    move_event(forum, timedelta(days=2, hours=23))
    assert send_due_reminders.delay().get() == 1
    assert send_due_reminders.delay().get() == 0, "nobody is reminded twice"
    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert mail.outbox[0].subject == "Reminder: Rabat forum on the diaspora"
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_no_reminder_when_the_event_asks_for_none(client, forum):
    register_and_confirm(client, forum)
    forum.reminder_days_before = None
    forum.save()
    move_event(forum, timedelta(hours=5))
    assert send_due_reminders.delay().get() == 0


def test_personal_data_are_anonymised_after_the_retention_period(client, forum, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    registration = register_and_confirm(client, forum)
    status_link = path_of(link(registration, MANAGE))
    submit(client, forum, email="later@example.org")

    move_event(forum, -timedelta(days=29))
    assert anonymise_past_registrations.delay().get() == 0
    assert client.get(status_link).status_code == 200

    move_event(forum, -timedelta(days=31))
    assert anonymise_past_registrations.delay().get() == 2
    kept = Registration.objects.get(pk=registration.pk)
    assert (kept.full_name, kept.email, kept.organisation, kept.role) == ("", "", "", "")
    assert (kept.status, kept.country, kept.category) == (Status.CONFIRMED, "SN", "government")
    assert kept.log.count() == 2, "the history of states stays, it names no participant"
    assert client.get(status_link).status_code == 404, "old links stop working"
    assert not OutgoingMail.objects.filter(recipient="aminata.diallo@example.org").exists()
    assert anonymise_past_registrations.delay().get() == 0
