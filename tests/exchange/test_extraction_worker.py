"""The extraction task through a real Celery worker consuming from Redis."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from exchange.models import PolicyDocument
from exchange.models.documents import Extraction
from tests.factories import make_document
from website.celery import app

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.celery_worker
def test_a_worker_reads_the_pdf_after_the_upload_commits(broker):
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        document = make_document("Plan régional", lines=["campagne de vaccination"])
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            document.refresh_from_db()
            if document.extraction != Extraction.PENDING:
                break
            time.sleep(0.1)
    assert document.extraction == Extraction.DONE
    assert PolicyDocument.objects.filter(extracted_text__contains="vaccination").exists()
