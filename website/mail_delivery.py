"""Delivering a stored message (website/mail.py queues it) effectively once.

Claim: one UPDATE marks the message as taken, by whom and when, so two senders never
both send it and no transaction stays open while the mail server is slow to answer.
Send: over a connection opened here, so that the message is marked sent as soon as the
server has accepted it, before the connection is closed.
Mark: `sent_at`. A sender that dies before the mark leaves a claim behind. The same
Celery task delivered again (its worker died; tasks are acknowledged late) recognises its
own claim and takes the message over at once; any other sender waits for the claim to
expire. If the sender died in the instant between the server's acceptance and the mark,
the message goes out a second time with the same Message-ID, which mail systems use to
recognise a copy.
"""

import logging
import uuid
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)
# A claim older than this is taken to be a crashed sender's; the message is tried again.
CLAIM_TIMEOUT = timedelta(minutes=5)


def send_stored_mail(message_id, claimant=None):
    """Send one stored message unless it is sent already or another sender holds it.

    `claimant` names the sender; a Celery task passes its id, which stays the same when
    the broker delivers the task again after a crash.
    """
    claimant = claimant or uuid.uuid4().hex
    if not _claim(message_id, claimant):
        return
    stored = OutgoingMail.objects.filter(pk=message_id).first()
    if stored is None:
        return  # deleted since the claim: its person was anonymised (mail.forget_mail_about)
    try:
        _send_then_mark(_message_for(stored), message_id)
    except (SMTPException, OSError) as error:
        OutgoingMail.objects.filter(pk=message_id).update(
            claimed_at=None, claimed_by="", last_error=str(error)[:300]
        )
        raise
    logger.info("Sent %s to a recipient in %s", stored.template_prefix, stored.language)


def _claim(message_id, claimant):
    now = timezone.now()
    claimable = OutgoingMail.objects.filter(pk=message_id, sent_at__isnull=True).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT) | Q(claimed_by=claimant)
    )
    return claimable.update(claimed_at=now, claimed_by=claimant, attempts=F("attempts") + 1)


def _message_for(stored):
    message = build_message(
        stored.template_prefix, stored.recipient, stored.language, stored.context
    )
    if stored.message_id:
        message.extra_headers["Message-ID"] = stored.message_id
    for filename, content, mimetype in stored.attachments:
        message.attach(filename, content, mimetype)
    return message


def _send_then_mark(message, message_id):
    connection = get_connection()
    connection.open()
    try:
        message.connection = connection
        message.send()
        OutgoingMail.objects.filter(pk=message_id).update(sent_at=timezone.now(), last_error="")
    finally:
        connection.close()


def unsent_mail_ids(older_than_minutes):
    """Messages that neither the worker nor the web process managed to send in time."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    return list(
        OutgoingMail.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )


def build_message(template_prefix, recipient, language, context):
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "language": language, "base_url": settings.PUBLIC_BASE_URL}
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}.txt", context)
        html = _render_optional(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(subject=" ".join(subject.split()), body=body, to=[recipient])
    message.extra_headers["Content-Language"] = language
    if html:
        message.attach_alternative(html, "text/html")
    return message


def _render_optional(template_name, context):
    try:
        return render_to_string(template_name, context)
    except TemplateDoesNotExist:
        return None
