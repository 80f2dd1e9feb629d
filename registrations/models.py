import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from events.models import INTERPRETATION_LANGUAGES
from events.registration_settings import Category

from .states import Status


def new_link_key():
    return secrets.token_urlsafe(16)


class CountryQuota(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="country_quotas")
    country = CountryField(_("country"))
    seats = models.PositiveIntegerField(_("seats"))

    panels = [FieldRowPanel([FieldPanel("country"), FieldPanel("seats")])]

    class Meta(Orderable.Meta):
        verbose_name = _("seats for a country")
        constraints = [
            models.UniqueConstraint(fields=["page", "country"], name="one_quota_per_country")
        ]


class Registration(models.Model):
    """One participant for one event (the event in the default language)."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("event"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING_EMAIL
    )
    status_changed_at = models.DateTimeField(_("status since"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    country = CountryField(_("country"))
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    interpretation_language = models.CharField(
        _("interpretation language"), max_length=10, blank=True, choices=INTERPRETATION_LANGUAGES
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    invitation_letter = models.BooleanField(_("invitation letter for a visa"), default=False)
    consented_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    email_confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Part of every signed link; replaced on cancellation, emptied on anonymisation, so a
    # link stops working the moment it should.
    link_key = models.CharField(max_length=32, default=new_link_key, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=Status.CANCELLED) & ~Q(email=""),
                name="one_active_registration_per_address",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return _("Registration %(number)s") % {"number": self.pk}

    @property
    def reference(self):
        return f"R-{self.pk:06d}"


class RegistrationLog(models.Model):
    """Every change of state: from what, to what, by whom (empty: the participant or the
    system) and when. Holds no personal data, so it outlives anonymisation."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="log")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.CharField(max_length=40, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.registration_id}: {self.from_status or '-'} → {self.to_status}"
