"""All outgoing e-mail: rendered in the recipient's language, sent after the commit.

A message is three templates sharing a prefix: `<prefix>_subject.txt`, `<prefix>.txt`
and, optionally, `<prefix>.html`. The context must be JSON-serialisable (ids, strings,
numbers) because it travels through the Celery broker.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def queue_mail(template_prefix, recipient, language, context=None, attachments=()):
    """Send once the current transaction commits; nothing is sent if it rolls back."""
    from .tasks import send_mail_task

    send_mail_task.delay_on_commit(
        template_prefix, recipient, language, context or {}, list(attachments)
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
