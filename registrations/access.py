"""Who sees an event's registrations: administrators and the people the event names as its
registration managers. Nobody else, whatever group they are in."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale


def managed_events(user):
    from events.models import EventPage

    events = EventPage.objects.filter(locale=Locale.get_default())
    if user.is_superuser:
        return events.filter(registration_enabled=True) | events.filter(registrations__isnull=False)
    return events.filter(registration_managers=user)


def can_manage(user, event):
    return user.is_active and (
        user.is_superuser or event.registration_managers.filter(pk=user.pk).exists()
    )


def event_for(user, event_id):
    """The event if this user may see its registrations; 404 or 403 otherwise."""
    from events.models import EventPage

    event = get_object_or_404(EventPage, pk=event_id)
    if not can_manage(user, event):
        raise PermissionDenied
    return event
