"""Whether an event takes registrations now, and what to tell the visitor if not."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import EventStatus

OPEN = "open"
REASONS = {
    "disabled": _("This event does not take registrations on this site."),
    "cancelled": _("This event is cancelled: registration is closed."),
    "not_yet": _("Registration opens on %(date)s."),
    "closed": _("Registration for this event is closed."),
}


def state(event, now=None):
    now = now or timezone.now()
    if not event.registration_enabled:
        return "disabled"
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.registration_opens_at and now < event.registration_opens_at:
        return "not_yet"
    # local_start, not the stored starts_at: a previewed draft has not been saved yet.
    if now >= (event.registration_closes_at or event.local_start):
        return "closed"
    return OPEN


def reason(event, current_state):
    from django.utils.formats import date_format

    message = REASONS.get(current_state, "")
    if current_state == "not_yet":
        opens = timezone.localtime(event.registration_opens_at, event.zone)
        return message % {"date": date_format(opens, "DATETIME_FORMAT")}
    return message
