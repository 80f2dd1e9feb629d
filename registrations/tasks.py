from celery import shared_task

from . import reminders, retention


@shared_task
def send_due_reminders():
    """Celery beat, hourly."""
    return reminders.send_due_reminders()


@shared_task
def anonymise_past_registrations():
    """Celery beat, daily."""
    return retention.anonymise_expired()
