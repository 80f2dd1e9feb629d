"""Delivering a stored message (website/mail.py queues it): claimed so that two senders
never both send it, rendered in the recipient's language, marked sent afterwards."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)
# A claim older than this is taken to be a crashed sender's; the message is tried again.
CLAIM_TIMEOUT = timedelta(minutes=5)


def send_stored_mail(message_id):
    """Send one stored message unless it is sent already or another process is at it.

    The message is claimed with one UPDATE rather than held under a row lock, so no
    transaction stays open while the mail server is slow to answer.
    """
    now = timezone.now()
    claimable = OutgoingMail.objects.filter(pk=message_id, sent_at__isnull=True).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    )
    if not claimable.update(claimed_at=now, attempts=F("attempts") + 1):
        return
    message = OutgoingMail.objects.filter(pk=message_id).first()
    if message is None:
        return  # deleted since the claim: its person was anonymised (mail.forget_mail_about)
    try:
        send_templated_mail(
            message.template_prefix,
            message.recipient,
            message.language,
            message.context,
            message.attachments,
        )
    except (SMTPException, OSError) as error:
        OutgoingMail.objects.filter(pk=message_id).update(
            claimed_at=None, last_error=str(error)[:300]
        )
        raise
    OutgoingMail.objects.filter(pk=message_id).update(sent_at=timezone.now(), last_error="")


def unsent_mail_ids(older_than_minutes):
    """Messages that neither the worker nor the web process managed to send in time."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    return list(
        OutgoingMail.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )


def send_templated_mail(template_prefix, recipient, language, context=None, attachments=()):
    message = build_message(template_prefix, recipient, language, context or {})
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
    logger.info("Sent %s to a recipient in %s", template_prefix, language)


def build_message(template_prefix, recipient, language, context):
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "language": language, "base_url": settings.WAGTAILADMIN_BASE_URL}
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
