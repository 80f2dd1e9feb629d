"""Exchange requests: an official asks to learn from a practice or a country. Saved with
its log, confirmed to the requester, notified to the focal points of the country
concerned, and worked through a moderation queue (new → in discussion → planned, with
the resulting event → closed)."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from website.mail import queue_mail


class RequestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("exchange request status", "New")
    IN_DISCUSSION = "in_discussion", pgettext_lazy("exchange request status", "In discussion")
    PLANNED = "planned", pgettext_lazy("exchange request status", "Planned")
    CLOSED = "closed", pgettext_lazy("exchange request status", "Closed")


ALLOWED = {
    RequestStatus.NEW: {RequestStatus.IN_DISCUSSION, RequestStatus.CLOSED},
    RequestStatus.IN_DISCUSSION: {RequestStatus.PLANNED, RequestStatus.CLOSED},
    RequestStatus.PLANNED: {RequestStatus.CLOSED, RequestStatus.IN_DISCUSSION},
    RequestStatus.CLOSED: set(),
}


class LearningFormat(models.TextChoices):
    STUDY_VISIT = "study_visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    DOCUMENTS = "documents", _("Documents")


class ExchangeRequest(models.Model):
    country = CountryField(_("country concerned"))
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    institution = models.CharField(_("institution"), max_length=200)
    requester_country = CountryField(_("country of the institution"))
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    wants_to_learn = models.TextField(_("what you want to learn"), max_length=2000)
    preferred_format = models.CharField(
        _("preferred format"), max_length=20, choices=LearningFormat.choices
    )
    timing = models.CharField(_("timing"), max_length=200, blank=True)
    resulting_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("resulting event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consented_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"E-{self.pk:05d}"

    @property
    def reference(self):
        return str(self)


class ExchangeRequestLog(models.Model):
    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="log")
    from_status = models.CharField(max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=RequestStatus.choices)
    actor = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request_id}: {self.from_status or '-'} → {self.to_status}"


class RefusedMove(Exception):
    pass


def submit(data, language, practice=None):
    """Save the request, then tell the requester and the country's focal points."""
    with transaction.atomic():
        request = ExchangeRequest.objects.create(
            language=language, practice=practice, consented_at=timezone.now(), **data
        )
        ExchangeRequestLog.objects.create(request=request, to_status=RequestStatus.NEW)
        context = _mail_context(request, language)
        queue_mail("exchange/email/request_received", request.email, language, context)
        notice = _mail_context(request, settings.LANGUAGE_CODE)
        for email in focal_point_emails(request.country):
            queue_mail("exchange/email/focal_point_notice", email, settings.LANGUAGE_CODE, notice)
    return request


def move(request, target, user, event=None):
    with transaction.atomic():
        request = ExchangeRequest.objects.select_for_update().get(pk=request.pk)
        if target not in ALLOWED[RequestStatus(request.status)]:
            raise RefusedMove(request.reference)
        source, request.status = request.status, target
        if target == RequestStatus.PLANNED and event is not None:
            request.resulting_event = event
        request.save()
        ExchangeRequestLog.objects.create(
            request=request, from_status=source, to_status=target, actor=user
        )
        context = _mail_context(request, request.language)
        queue_mail("exchange/email/request_status", request.email, request.language, context)
    return request


def focal_point_emails(country):
    from .pages import FocalPoint

    rows = FocalPoint.objects.filter(
        page__country=country, page__locale__language_code=settings.LANGUAGE_CODE
    ).exclude(email="")
    return sorted(set(rows.values_list("email", flat=True)))


def _mail_context(request, language):
    from django.utils.translation import override

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
            "event_url": request.resulting_event.full_url if request.resulting_event else "",
            "queue_path": f"/admin/exchange-requests/{request.pk}/",
        }
