from celery import shared_task

from .extraction import extract_text


@shared_task
def extract_document_text(document_id):
    """Queued after a document's file is saved (exchange/signals.py)."""
    return extract_text(document_id)
