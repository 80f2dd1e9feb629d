"""All outgoing e-mail: rendered in the recipient's language, sent after the commit.

A message is three templates sharing a prefix: `<prefix>_subject.txt`, `<prefix>.txt`
and, optionally, `<prefix>.html`. The context must be JSON-serialisable (ids, strings,
numbers): it is stored with the message and rendered when the message is sent.

`queue_mail` writes an OutgoingMail row in the caller's transaction (a transactional
outbox), so a message exists exactly when the change that caused it was committed.
After the commit a Celery task sends it; if the broker is down the web process tries
itself; if the mail server is down too, the periodic sweep sends it later.

A message about a person's record (a registration, a request) names that record, so
that anonymising the record deletes its messages, sent or still waiting: none of them
goes out afterwards, and none keeps the person's name, address or links.
"""

import logging
from email.utils import make_msgid, parseaddr
from smtplib import SMTPException

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from .background import after_commit
from .mail_delivery import send_stored_mail
from .models import OutgoingMail
from .tasks import send_mail_task

logger = logging.getLogger(__name__)


def queue_mail(template_prefix, recipient, language, context=None, attachments=(), about=None):
    """Store the message now; send it once the current transaction commits. `about` is
    the record whose person the message concerns (see forget_mail_about)."""
    message = OutgoingMail.objects.create(
        about=about,
        template_prefix=template_prefix,
        recipient=recipient,
        language=language,
        context=context or {},
        attachments=[list(item) for item in attachments],
        message_id=make_msgid(domain=_sender_domain()),
    )
    after_commit(send_mail_task, message.pk, in_process=_send_here)
    return message


def forget_mail_about(model, ids):
    """Delete every message about these records of `model`, sent or not; a sender that
    comes to one of them later finds nothing to send (mail_delivery.py)."""
    about_type = ContentType.objects.get_for_model(model)
    return OutgoingMail.objects.filter(about_type=about_type, about_id__in=ids).delete()[0]


def _send_here(message_id):
    """The broker is down: try from this process; the sweep covers a mail outage too."""
    try:
        send_stored_mail(message_id)
    except (SMTPException, OSError):
        logger.warning("Mail server unreachable too; message %s waits for the sweep", message_id)


def _sender_domain():
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
