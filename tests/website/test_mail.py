from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import transaction

from website.mail import queue_mail

# Serialized like every transactional test here: a flush without it re-creates content
# types that the next serialized test would then load a second time.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_mail_waits_for_the_transaction_to_commit():
    with transaction.atomic():
        queue_mail("tests/mail/welcome", "awa@example.org", "fr", {"name": "Awa"})
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["awa@example.org"]


def test_no_mail_when_the_transaction_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_mail("tests/mail/welcome", "awa@example.org", "fr", {"name": "Awa"})
        raise RuntimeError("the registration could not be saved")
    assert mail.outbox == []


def test_mail_is_rendered_in_the_recipients_language_not_the_senders():
    from django.utils import translation

    with translation.override("fr"):
        queue_mail("tests/mail/welcome", "karim@example.org", "ar", {"name": "Karim"})
    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    assert message.subject == "منصة التبادل جنوب–جنوب حول الهجرة: Karim"
    assert "الانتقال إلى المحتوى الرئيسي" in message.body
    assert message.extra_headers["Content-Language"] == "ar"
    assert mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in html


def test_unknown_language_falls_back_to_french():
    queue_mail("tests/mail/welcome", "x@example.org", "xx", {"name": "X"})
    assert mail.outbox[0].subject.startswith("Échange Sud–Sud sur les migrations")


def test_attachments_travel_with_the_message():
    ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    queue_mail(
        "tests/mail/welcome",
        "x@example.org",
        "en",
        {"name": "X"},
        [("forum.ics", ics, "text/calendar")],
    )
    assert mail.outbox[0].attachments == [("forum.ics", ics, "text/calendar")]


class FlakyMailServer(locmem.EmailBackend):
    """Refuses the first connection, as a mail server does while it restarts."""

    attempts = 0

    def send_messages(self, messages):
        FlakyMailServer.attempts += 1
        if FlakyMailServer.attempts == 1:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def test_a_refused_connection_is_retried_and_the_message_still_sent(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyMailServer"
    queue_mail("tests/mail/welcome", "x@example.org", "en", {"name": "X"})
    assert FlakyMailServer.attempts == 2
    assert len(mail.outbox) == 1
