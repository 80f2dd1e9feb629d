"""A registration never depends on mail: outages delay messages, they do not lose them."""

from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from registrations.models import Registration
from registrations.states import Status
from registrations.tasks import anonymise_past_registrations
from tests.mailbox import last_link, path_of, wait_for_outbox
from tests.registering import move_event, submit
from website.celery import app
from website.models import OutgoingMail
from website.tasks import resend_unsent_mail, send_mail_task

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_registration_is_saved_while_broker_and_mail_are_down_and_mailed_later(
    client, forum, settings, broker_and_mail_server_down
):
    response = submit(client, forum, "ar")
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert registration.status == Status.PENDING_EMAIL
    waiting = OutgoingMail.objects.get()
    assert waiting.sent_at is None and waiting.attempts == 1 and waiting.last_error
    assert mail.outbox == []

    # The services come back; the periodic sweep sends what waited.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAIL_RESEND_AFTER_MINUTES = 0
    assert resend_unsent_mail() == 1
    assert resend_unsent_mail() == 0, "a message is sent once"
    assert mail.outbox[0].to == ["aminata.diallo@example.org"]
    assert mail.outbox[0].extra_headers["Content-Language"] == "ar"

    response = client.post(path_of(last_link("confirm")))
    assert response.status_code == 303
    assert Registration.objects.get().status == Status.CONFIRMED


def test_an_anonymised_registration_leaves_nothing_in_the_outbox(
    client, forum, settings, broker_and_mail_server_down
):
    settings.REGISTRATION_RETENTION_DAYS = 30
    submit(client, forum, "en")
    waiting = OutgoingMail.objects.get()
    assert waiting.sent_at is None
    token = waiting.context["confirm_url"].split("/registration/")[1].split("/")[0]

    move_event(forum, -timedelta(days=31))
    assert anonymise_past_registrations() == 1
    stored = str(list(OutgoingMail.objects.values()))
    for personal in ("Aminata", "aminata.diallo@example.org", token):
        assert personal not in stored

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAIL_RESEND_AFTER_MINUTES = 0
    assert resend_unsent_mail() == 0
    send_mail_task.apply((waiting.pk,))
    assert mail.outbox == [], "nothing reaches the address once it is anonymised"


@pytest.mark.celery_worker
def test_registration_mail_goes_through_a_real_worker(client, forum, broker):
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert submit(client, forum, "en").status_code == 303
        outbox = wait_for_outbox(1)
    assert outbox[0].subject == "Confirm your registration: Rabat forum on the diaspora"
    assert OutgoingMail.objects.get().sent_at is not None
