"""A worker killed in the middle of sending: every message still goes out at once (not
after the sweep), and never as two different messages."""

import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes

import pytest
from django.conf import settings
from django.db import connection, transaction

from tests.services import require
from website.celery import app
from website.mail import queue_mail
from website.models import OutgoingMail

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BURST = 6


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(broker, tmp_path):
    """Start(pause) a prefork worker with one child, in a process of its own, that reads
    the test database and delivers mail into a folder."""
    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    app.control.purge()
    started = []

    def start(pause):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker.settings",
            "DATABASE_URL": database_url(),
            "TEST_MAIL_DIR": str(tmp_path),
            "TEST_MAIL_PAUSE": pause,
        }
        command = [sys.executable, "-m", "celery", "-A", "website", "worker", "--pool=prefork"]
        command += ["--concurrency=1", "--without-mingle", "--without-gossip", "-l", "warning"]
        started.append(subprocess.Popen(command, env=env, cwd=settings.BASE_DIR))  # noqa: S603
        return tmp_path

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


def queue_burst():
    with transaction.atomic():
        for number in range(BURST):
            queue_mail("tests/mail/welcome", f"p{number}@example.org", "fr", {"name": "Awa"})
    return set(OutgoingMail.objects.values_list("message_id", flat=True))


def kill_the_sender_mid_message(folder):
    """SIGKILL the worker's child process in the pause of its second message."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if len(list(folder.glob("*.eml"))) >= 1 and (folder / "sending").exists():
            os.kill(int((folder / "sending").read_text()), signal.SIGKILL)
            (folder / "sending").unlink()
            return
        time.sleep(0.05)
    pytest.fail("the worker never started sending")


def delivered_ids(folder, expected, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(list(folder.glob("*.eml"))) >= expected:
            break
        time.sleep(0.2)
    time.sleep(3)  # time for a duplicate, if any, to arrive
    return [message_from_bytes(path.read_bytes())["Message-ID"] for path in folder.glob("*.eml")]


def test_a_message_cut_off_by_a_killed_worker_is_sent_again_at_once_and_only_once(worker):
    folder = worker(pause="before")
    stored = queue_burst()
    kill_the_sender_mid_message(folder)
    delivered = delivered_ids(folder, BURST)
    assert sorted(delivered) == sorted(stored), "each message exactly once, none waits"
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()


def test_a_copy_sent_after_a_death_between_acceptance_and_mark_is_the_same_message(worker):
    folder = worker(pause="after")
    stored = queue_burst()
    kill_the_sender_mid_message(folder)
    delivered = delivered_ids(folder, BURST + 1)
    assert set(delivered) == stored, "every message went out, under its own Message-ID"
    assert len(delivered) == BURST + 1, "the one cut off went twice, as the same message"
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
