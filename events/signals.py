from django.db import transaction
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from practices.taxonomy import Theme
from website.background import after_commit

from . import calendar_entries
from .models import EventIndexPage, EventPage
from .roles import grant_calendar
from .tasks import write_calendar_entries


@receiver(page_published, sender=EventPage)
def write_calendar_entry(instance, **kwargs):
    """Once the publication is committed, with its log entry (the SEQUENCE counts them).
    Until then a feed that finds the entry older than the publication writes it itself."""
    transaction.on_commit(lambda: calendar_entries.write([instance.pk]))


@receiver(post_save, sender=Theme)
def rename_in_calendar_entries(instance, **kwargs):
    """A theme's name, in any language, is a CATEGORY of the events that name it."""
    named = EventPage.objects.filter(themes__translation_key=instance.translation_key)
    ids = list(named.values_list("pk", flat=True).distinct())
    if ids:
        after_commit(write_calendar_entries, ids)


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
