"""Background work queued after the commit, never lost to a broker outage: if the broker
cannot be reached the work is done in this process instead. The one way every app sends
a task (the mail outbox in website/mail.py among them)."""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)
# Give up on the broker after about two seconds so that a request is never held up long.
BROKER_RETRY_POLICY = {"max_retries": 2, "interval_start": 0.5, "interval_step": 0.5}


def after_commit(task, *args, in_process=None):
    """Send `task` with `args` to a worker once the current transaction commits. If the
    broker is unreachable, call `in_process(*args)` here instead (by default, the task)."""
    run_here = in_process or (lambda *args: task.apply(args))
    transaction.on_commit(lambda: _send(task, args, run_here))


def _send(task, args, run_here):
    try:
        task.apply_async(args, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except OperationalError:
        logger.warning("Broker unreachable, running %s in-process", task.name)
        run_here(*args)
