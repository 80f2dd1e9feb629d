"""Who sees an event's registrations: administrators and the people the event names as its
registration managers. Nobody else, whatever group they are in."""

from functools import wraps

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Locale

from events.models import EventPage


def managed_events(user):
    events = EventPage.objects.filter(locale=Locale.get_default())
    if user.is_superuser:
        return events.filter(registration_enabled=True) | events.filter(registrations__isnull=False)
    return events.filter(registration_managers=user)


def can_manage(user, event):
    """Read from the database, never from the event object: in the editor that object is
    a draft revision (and a new event has no row yet)."""
    return user.is_active and (
        user.is_superuser or user.managed_events.filter(pk=event.pk).exists()
    )


def managers_only(view):
    """Pass the event to the view if the user may see its registrations; answer 403
    otherwise (Wagtail would turn PermissionDenied into a redirect to the dashboard)."""

    @wraps(view)
    def wrapper(request, event_id, *args, **kwargs):
        event = get_object_or_404(EventPage, pk=event_id)
        if not can_manage(request.user, event):
            return forbidden(request)
        return view(request, event, *args, **kwargs)

    return wrapper


def forbidden(request, message=None):
    context = {"message": message}
    return TemplateResponse(request, "registrations/admin/forbidden.html", context, status=403)
