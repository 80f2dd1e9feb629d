from celery import shared_task

from . import approvals, reminders, retention


@shared_task
def send_due_reminders():
    """Celery beat, hourly."""
    return reminders.send_due_reminders()


@shared_task
def anonymise_past_registrations():
    """Celery beat, daily."""
    return retention.anonymise_expired()


@shared_task
def send_approval_notices():
    """Celery beat, hourly."""
    return approvals.send_approval_notices()
