"""Background work queued after the commit, never lost to a broker outage: if the broker
cannot be reached the task runs in this process instead."""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

from .mail import BROKER_RETRY_POLICY

logger = logging.getLogger(__name__)


def after_commit(task, *args):
    transaction.on_commit(lambda: _send(task, args))


def _send(task, args):
    try:
        task.apply_async(args, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except OperationalError:
        logger.warning("Broker unreachable, running %s in-process", task.name)
        task.apply(args)
