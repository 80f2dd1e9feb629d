"""The admin home's panel for people who manage events: their upcoming events, with the
number of registrations and of those awaiting approval. One query, however many events."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from events.models import EventPage

from .access import managed_events
from .states import Status

PANEL_SIZE = 10


class ManagedEventsPanel(Component):
    name = "managed_events"
    order = 150
    template_name = "registrations/admin/dashboard_panel.html"

    def __init__(self, events):
        self.events = events

    def get_context_data(self, parent_context=None):
        return {"events": self.events}


def upcoming_managed(user, now=None):
    return list(
        EventPage.objects.filter(
            pk__in=managed_events(user).values("pk"), ends_at__gte=now or timezone.now()
        )
        .annotate(
            registered=Count("registrations", filter=~Q(registrations__status=Status.CANCELLED)),
            awaiting=Count(
                "registrations", filter=Q(registrations__status=Status.PENDING_APPROVAL)
            ),
        )
        .order_by("starts_at")[:PANEL_SIZE]
    )


def panel_for(user):
    """The panel, or None for someone who manages no event at all."""
    events = upcoming_managed(user)
    if not events and not managed_events(user).exists():
        return None
    return ManagedEventsPanel(events)
