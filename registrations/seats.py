"""Who gets a seat. Every decision runs under a lock on the event's row, so capacity and
country quotas hold however many participants confirm at the same moment."""

from django.db.models import Count, Q

from events.models import EventPage

from .states import SEAT_HOLDING, Status


def lock_event(event):
    """Serialise seat decisions for one event until the transaction ends. (SQLite takes
    the database write lock at BEGIN instead: see DATABASES in the settings.)"""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def has_seat_for(event, country):
    """To be called under `lock_event`: is there a seat, within the country's quota?"""
    holding = event.registrations.filter(status__in=SEAT_HOLDING)
    counts = holding.aggregate(all=Count("pk"), country=Count("pk", filter=Q(country=country)))
    if event.capacity is not None and counts["all"] >= event.capacity:
        return False
    quota = event.country_quotas.filter(country=country).values_list("seats", flat=True).first()
    return quota is None or counts["country"] < quota


def seat_counts(event):
    holding = event.registrations.filter(status__in=SEAT_HOLDING).count()
    return {
        "taken": holding,
        "capacity": event.capacity,
        "free": None if event.capacity is None else max(event.capacity - holding, 0),
    }


def next_in_line(event):
    """Waiting participants in the order they joined the list."""
    return event.registrations.filter(status=Status.WAITLISTED).order_by("status_changed_at", "pk")


def waiting_position(registration):
    """A waiting participant's place in line (1: the next seat is theirs), or None."""
    if registration.status != Status.WAITLISTED:
        return None
    since = registration.status_changed_at
    ahead = next_in_line(registration.event).filter(
        Q(status_changed_at__lt=since) | Q(status_changed_at=since, pk__lt=registration.pk)
    )
    return ahead.count() + 1
