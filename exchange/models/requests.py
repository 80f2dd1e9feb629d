"""Exchange requests: an official asks to learn from a practice or a country; each
change of status, internal note and message to the requester is logged. What happens to
a request is in exchange/workflow.py, how long its personal data are kept in
exchange/retention.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField


class RequestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("exchange request status", "New")
    IN_DISCUSSION = "in_discussion", pgettext_lazy("exchange request status", "In discussion")
    PLANNED = "planned", pgettext_lazy("exchange request status", "Planned")
    CLOSED = "closed", pgettext_lazy("exchange request status", "Closed")


class LearningFormat(models.TextChoices):
    STUDY_VISIT = "study_visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    DOCUMENTS = "documents", _("Documents")


class LogNote(models.TextChoices):
    """What a history entry is when it is more than a change of status."""

    ANONYMISED = "anonymised", _("Personal data anonymised (retention period over)")
    INTERNAL = "internal", _("Internal note")
    MESSAGE = "message", _("Message to the requester")


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
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

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
    note = models.CharField(max_length=20, choices=LogNote.choices, blank=True)
    # What staff wrote: an internal note, or the message mailed to the requester.
    text = models.TextField(blank=True, max_length=4000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request_id}: {self.from_status or '-'} → {self.to_status}"
