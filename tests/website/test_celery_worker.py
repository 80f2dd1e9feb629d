"""Mail through a real Celery worker consuming from a real Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction

from tests.mailbox import wait_for_outbox
from tests.services import use_broker
from website.celery import app
from website.mail import queue_mail

# Serialized like every transactional test here: a flush without it re-creates content
# types that the next serialized test would then load a second time.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.celery_worker
def test_queued_mail_is_delivered_by_a_worker_after_commit(broker):
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            queue_mail("tests/mail/welcome", "fatou@example.org", "fr", {"name": "Fatou"})
            time.sleep(0.5)
            assert mail.outbox == [], "nothing leaves before the commit"
        outbox = wait_for_outbox(1)
    assert [message.to for message in outbox] == [["fatou@example.org"]]
    assert outbox[0].subject.startswith("Échange Sud–Sud sur les migrations")


def test_mail_is_sent_in_process_when_the_broker_is_unreachable():
    previous = app.conf.broker_url, app.conf.task_always_eager
    use_broker("redis://127.0.0.1:9/0", eager=False)  # nothing listens on port 9
    try:
        with transaction.atomic():
            queue_mail("tests/mail/welcome", "moussa@example.org", "en", {"name": "Moussa"})
    finally:
        use_broker(*previous)
    assert [message.to for message in mail.outbox] == [["moussa@example.org"]]
