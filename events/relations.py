"""What the calendar adds to a practice's page (website/relations.py): the events where
it was presented or discussed."""

from django.utils.translation import gettext_lazy as _

from website import relations

from .models import EventPage


def events_presenting(practice):
    """Live events in the practice's language that name it. Matched on the translation
    key: an event's translation may name the practice in another language."""
    naming = EventPage.related_practices.through.objects.filter(
        practicepage__translation_key=practice.translation_key
    ).values("eventpage_id")
    return list(
        EventPage.objects.live()
        .public()
        .filter(locale_id=practice.locale_id, pk__in=naming)
        .order_by("-starts_at")
    )


def register():
    relations.register(
        "practices.PracticePage",
        relations.Relation(
            key="events",
            heading=_("Related events"),
            find=events_presenting,
            template="events/includes/event_card.html",
            item_name="event",
        ),
    )
