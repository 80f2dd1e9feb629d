"""All outgoing e-mail: rendered in the recipient's language, sent after the commit.

A message is three templates sharing a prefix: `<prefix>_subject.txt`, `<prefix>.txt`
and, optionally, `<prefix>.html`. The context must be JSON-serialisable (ids, strings,
numbers) because it travels through the Celery broker.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)
# Give up on the broker after about two seconds so that a request is never held up long.
BROKER_RETRY_POLICY = {"max_retries": 2, "interval_start": 0.5, "interval_step": 0.5}


def queue_mail(template_prefix, recipient, language, context=None, attachments=()):
    """Send once the current transaction commits; nothing is sent if it rolls back."""
    args = (template_prefix, recipient, language, context or {}, list(attachments))
    transaction.on_commit(lambda: _dispatch(args))


def _dispatch(args):
    from .tasks import send_mail_task

    try:
        send_mail_task.apply_async(args, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except OperationalError:
        # The broker is down: send from this process rather than drop the message.
        logger.warning("Broker unreachable, sending %s in-process", args[0])
        try:
            send_templated_mail(*args)
        except (SMTPException, OSError):
            logger.exception("Could not send %s: broker and mail server both failed", args[0])


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
