"""Personal data kept only as long as the event needs them.

A configurable number of days after an event ends (REGISTRATION_RETENTION_DAYS), its
registrations keep their state, country, category and language for the statistics and
lose everything that identifies a person. Their links stop working, and the e-mails
about them are deleted from the outbox, sent or still waiting.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.mail import forget_mail_about
from website.models import OutgoingMail

from .models import Registration

PERSONAL_FIELDS = {
    "full_name": "",
    "email": "",
    "organisation": "",
    "role": "",
    "accessibility_needs": "",
    "dietary_needs": "",
    "invitation_letter": False,
    "link_key": "",
}


def expired_registrations(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    return Registration.objects.filter(anonymised_at__isnull=True, event__ends_at__lt=cutoff)


@transaction.atomic
def anonymise_expired(now=None):
    now = now or timezone.now()
    registrations = expired_registrations(now)
    forget_mail_about(Registration, list(registrations.values_list("pk", flat=True)))
    count = registrations.update(anonymised_at=now, **PERSONAL_FIELDS)
    sent = OutgoingMail.objects.filter(sent_at__isnull=False)
    sent.filter(sent_at__lt=now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)).delete()
    return count
