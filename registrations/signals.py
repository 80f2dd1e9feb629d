from django.db import transaction
from wagtail.signals import page_published

from events.models import EventPage
from events.registration_settings import registration_event

from .seats import lock_event
from .workflow import fill_free_seats


def seat_the_waiting_list(sender, instance, **kwargs):
    """More seats after an edit (a larger capacity or quota) go to those waiting."""
    if registration_event(instance).pk != instance.pk:
        return
    with transaction.atomic():
        fill_free_seats(lock_event(instance))


page_published.connect(seat_the_waiting_list, sender=EventPage)
