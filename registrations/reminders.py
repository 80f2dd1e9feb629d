"""Reminders to confirmed participants, a number of days before their event (per event)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import emails
from .models import Registration
from .states import Status

DAY = timedelta(days=1)


def due_reminders(now=None):
    """Confirmed, not yet reminded, and the event starts within its reminder window.
    One condition per distinct window (a handful), as SQLite cannot multiply durations."""
    now = now or timezone.now()
    waiting = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__reminder_days_before__isnull=False,
        event__starts_at__gt=now,
    )
    windows = set(waiting.values_list("event__reminder_days_before", flat=True).distinct())
    due = Q(pk__in=[])
    for days in windows:
        due |= Q(event__reminder_days_before=days, event__starts_at__lte=now + days * DAY)
    return waiting.filter(due)


def send_due_reminders(now=None):
    sent = 0
    for registration in due_reminders(now).select_related("event"):
        with transaction.atomic():
            marked = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if marked:  # another beat run may have taken it meanwhile
                emails.send(registration, "reminder")
                sent += 1
    return sent
