from celery import shared_task

from . import retention
from .extraction import extract_text


@shared_task
def extract_document_text(document_id):
    """Queued after a document's file is saved (exchange/signals.py)."""
    return extract_text(document_id)


@shared_task
def anonymise_closed_requests():
    """Celery beat, daily."""
    return retention.anonymise_expired()
