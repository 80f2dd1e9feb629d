"""What happens to an exchange request: submitted by an official who asks to learn from
a practice or a country, then moved through the moderation queue (new → in discussion →
planned, with the resulting event → closed), with staff's internal notes and messages to
the requester on the way. Each step is one transaction that changes the state, logs it
and stores the e-mails that tell the people concerned (the outbox: website/mail.py)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from website.mail import queue_mail
from website.public_url import page_url

from .models import ExchangeRequest, ExchangeRequestLog, FocalPoint
from .models.requests import LogNote, RequestStatus

ALLOWED = {
    RequestStatus.NEW: {RequestStatus.IN_DISCUSSION, RequestStatus.CLOSED},
    RequestStatus.IN_DISCUSSION: {RequestStatus.PLANNED, RequestStatus.CLOSED},
    RequestStatus.PLANNED: {RequestStatus.CLOSED, RequestStatus.IN_DISCUSSION},
    RequestStatus.CLOSED: set(),
}


class RefusedMove(Exception):
    """A change of status that the rules refuse; `reason` says why, to the person asking."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


NOT_ALLOWED = _("This change of status is not possible.")
NO_EVENT = _("Choose the event planned for this request: a planned request needs its event.")


def submit(data, language, practice=None):
    """Save the request, then tell the requester and the country's focal points."""
    with transaction.atomic():
        request = ExchangeRequest.objects.create(
            language=language, practice=practice, consented_at=timezone.now(), **data
        )
        _log(request, "", RequestStatus.NEW, None)
        context = _mail_context(request, language)
        queue_mail(
            "exchange/email/request_received", request.email, language, context, about=request
        )
        notice = _mail_context(request, settings.LANGUAGE_CODE)
        for email in focal_point_emails(request.country):
            queue_mail(
                "exchange/email/focal_point_notice",
                email,
                settings.LANGUAGE_CODE,
                notice,
                about=request,
            )
    return request


def move(request, target, user, event=None):
    """A moderator or focal point changes the status; the requester is told. A planned
    request names its event (the one chosen now, or the one it had when planned before),
    which the requester's e-mail links to."""
    with transaction.atomic():
        request = ExchangeRequest.objects.select_for_update().get(pk=request.pk)
        if target not in ALLOWED[RequestStatus(request.status)]:
            raise RefusedMove(NOT_ALLOWED)
        if target == RequestStatus.PLANNED:
            request.resulting_event = event or request.resulting_event
            if request.resulting_event is None:
                raise RefusedMove(NO_EVENT)
        source, request.status = request.status, target
        request.save()
        _log(request, source, target, user)
        context = _mail_context(request, request.language)
        queue_mail(
            "exchange/email/request_status",
            request.email,
            request.language,
            context,
            about=request,
        )
    return request


def add_note(request, user, text):
    """An internal note: the staff who see the request read it, the requester never."""
    _log(request, request.status, request.status, user, LogNote.INTERNAL, text)


def write_to_requester(request, user, text):
    """A message from the queue, mailed in the requester's language after the commit; the
    history keeps it, and the outbox keeps it until the mail server takes it."""
    with transaction.atomic():
        _log(request, request.status, request.status, user, LogNote.MESSAGE, text)
        context = {
            **_mail_context(request, request.language),
            "message": text,
            "sender": user.get_full_name(),
        }
        queue_mail(
            "exchange/email/request_message",
            request.email,
            request.language,
            context,
            about=request,
        )


def focal_point_emails(country):
    rows = FocalPoint.objects.filter(
        page__country=country, page__locale__language_code=settings.LANGUAGE_CODE
    ).exclude(email="")
    return sorted(set(rows.values_list("email", flat=True)))


def _log(request, source, target, actor, note="", text=""):
    ExchangeRequestLog.objects.create(
        request=request, from_status=source, to_status=target, actor=actor, note=note, text=text
    )


def _mail_context(request, language):
    with override(language):
        practice = request.practice.title if request.practice else ""
        return {
            "reference": request.reference,
            "contact_name": request.contact_name,
            "institution": request.institution,
            "country": str(request.country.name),
            "practice": practice,
            "status": str(request.get_status_display()),
            "format": str(request.get_preferred_format_display()),
            "wants_to_learn": request.wants_to_learn,
            "timing": request.timing,
            "event_url": page_url(request.resulting_event) if request.resulting_event else "",
            "queue_path": f"/admin/exchange-requests/{request.pk}/",
        }
