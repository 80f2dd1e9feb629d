"""Requesters' personal data kept only while their request is being handled.

A configurable number of days after a request is closed (EXCHANGE_REQUEST_RETENTION_DAYS),
it keeps what the statistics need (the countries, practice, format, language, status,
dates and history) and loses what identifies a person: the contact's name, address and
telephone, the free text they wrote and what staff wrote about them (internal notes,
messages). The e-mails about it are deleted from the outbox, sent or still waiting, and
its history records the anonymisation.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.mail import forget_mail_about

from .models import ExchangeRequest, ExchangeRequestLog
from .models.requests import LogNote, RequestStatus

PERSONAL_FIELDS = {
    "contact_name": "",
    "email": "",
    "phone": "",
    "wants_to_learn": "",
    "timing": "",
}


def expired_requests(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EXCHANGE_REQUEST_RETENTION_DAYS)
    # A closed request never moves again (workflow.ALLOWED): its log says when it closed.
    return ExchangeRequest.objects.filter(
        status=RequestStatus.CLOSED,
        anonymised_at__isnull=True,
        log__to_status=RequestStatus.CLOSED,
        log__at__lt=cutoff,
    )


@transaction.atomic
def anonymise_expired(now=None):
    now = now or timezone.now()
    ids = sorted(set(expired_requests(now).values_list("pk", flat=True)))
    forget_mail_about(ExchangeRequest, ids)
    ExchangeRequest.objects.filter(pk__in=ids).update(anonymised_at=now, **PERSONAL_FIELDS)
    ExchangeRequestLog.objects.filter(request_id__in=ids).update(text="")
    ExchangeRequestLog.objects.bulk_create(
        ExchangeRequestLog(
            request_id=pk,
            from_status=RequestStatus.CLOSED,
            to_status=RequestStatus.CLOSED,
            note=LogNote.ANONYMISED,
        )
        for pk in ids
    )
    return len(ids)
