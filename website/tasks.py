from smtplib import SMTPException

from celery import shared_task
from django.conf import settings

from .mail_delivery import send_stored_mail, unsent_mail_ids
from .search_backends import OUTAGES, backend, default_is_search_server
from .search_index import reindex


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=10,
)
def send_mail_task(self, message_id):
    """Retried with backoff when the mail server is unreachable; the message is not lost.
    The task's id names the claim, so a delivery of this task again after its worker died
    sends the message at once instead of waiting for the claim to expire."""
    send_stored_mail(message_id, claimant=self.request.id)


@shared_task
def resend_unsent_mail():
    """Celery beat: whatever a broker or mail outage left unsent goes out now."""
    sent = 0
    for message_id in unsent_mail_ids(settings.MAIL_RESEND_AFTER_MINUTES):
        try:
            send_stored_mail(message_id)
            sent += 1
        except (SMTPException, OSError):
            break  # the mail server is still down; the next sweep tries again
    return sent


@shared_task
def reindex_search(kind, ids):
    """The site's search index rows of these objects, brought up to date."""
    reindex(kind, ids)


@shared_task(autoretry_for=OUTAGES, retry_backoff=30, retry_backoff_max=3600, max_retries=10)
def push_search_synonyms():
    """The search server's analysers follow the synonym table (retried while it is down;
    a rebuild of the index also brings them)."""
    from .elasticsearch_synonyms import push_synonyms

    if default_is_search_server():
        push_synonyms(backend("default"))
