from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from .models import EventIndexPage
from .roles import grant_calendar


@receiver(post_save, sender=EventIndexPage)
def open_new_calendar_to_organisers(instance, created, **kwargs):
    if created:
        grant_calendar(instance)


def open_calendars_to_organisers(sender, plan=None, **kwargs):
    """After migrate (not after a test flush, which sends no plan): every calendar."""
    if sender.name == "events" and plan is not None:
        for calendar in EventIndexPage.objects.all():
            grant_calendar(calendar)


post_migrate.connect(open_calendars_to_organisers, dispatch_uid="events.open_calendars")
