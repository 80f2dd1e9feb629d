from celery import shared_task

from . import calendar_entries


@shared_task
def write_calendar_entries(event_ids):
    """The stored VEVENTs of these events, written again (a theme they name was renamed)."""
    calendar_entries.write(event_ids)
