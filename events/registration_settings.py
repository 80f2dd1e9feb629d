"""The registration settings of an event, edited in the event's own admin tab.

They are facts about the event, read by its page and by the registrations app above it.
They are read from the event in the default language: its translations share its seats,
its registrations and its settings (`registration_event`). The seats per country are
the registrations app's `CountryQuota` inline, named here by its relation only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.models import Locale

from .fields import ChoiceListField


class Category(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    INTERNATIONAL = "international", _("International organisation")
    DIASPORA = "diaspora", _("Diaspora association")
    ACADEMIA = "academia", _("Academia")
    PRIVATE = "private", _("Private sector")
    MEDIA = "media", _("Media")


class Question(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation and role")
    INTERPRETATION = "interpretation", _("Interpretation language")
    ACCESSIBILITY = "accessibility", _("Accessibility needs")
    DIETARY = "dietary", _("Dietary needs")
    INVITATION_LETTER = "invitation_letter", _("Invitation letter for a visa")


class RegistrationManagersPanel(Panel):
    """Who sees the registrations, read-only, with a link to change it for administrators."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/registration_managers_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = registration_event(self.instance)
            context["event"] = event
            context["managers"] = list(event.registration_managers.all()) if event.pk else []
            context["may_change"] = bool(event.pk) and self.request.user.is_superuser
            return context


class RegistrationSettings(models.Model):
    registration_enabled = models.BooleanField(_("take registrations"), default=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Left empty, registration closes when the event starts."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Left empty, seats are unlimited.")
    )
    waitlist_enabled = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When the seats are taken, later participants join a waiting list."),
    )
    approval_required = models.BooleanField(
        _("approval required"),
        default=False,
        help_text=_("An organiser approves each participant; otherwise seats are given in order."),
    )
    participant_categories = ChoiceListField(
        _("participant categories offered"),
        max_length=200,
        blank=True,
        choices=Category.choices,
        help_text=_("Left empty, every category is offered."),
    )
    registration_questions = ChoiceListField(
        _("extra questions"), max_length=200, blank=True, choices=Question.choices
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        null=True,
        blank=True,
        default=3,
        help_text=_("Confirmed participants get a reminder this many days before. Empty: none."),
    )
    # A plain many-to-many, not a ParentalManyToManyField: it stays out of the page's
    # revisions, so no draft, preview, moderation or publication changes who sees the
    # participants' personal data. Administrators set it on its own screen, where every
    # grant is logged (registrations/managers.py); the page only shows it.
    registration_managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registration managers"),
        blank=True,
        related_name="managed_events",
        help_text=_("Besides administrators, only these people see the registrations."),
    )

    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("reminder_days_before")]),
                FieldPanel("waitlist_enabled"),
                FieldPanel("approval_required"),
                InlinePanel("country_quotas", label=_("Seats per country")),
            ],
            heading=_("Seats"),
        ),
        FieldPanel("participant_categories"),
        FieldPanel("registration_questions"),
        RegistrationManagersPanel(heading=_("Registration managers")),
    ]

    class Meta:
        abstract = True

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """Revisions saved while the managers were part of the page still name them:
        ignored, they can neither be restored nor published."""
        data = {name: value for name, value in data.items() if name != "registration_managers"}
        return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)

    def offered_categories(self):
        offered = set(self.participant_categories)
        return [(code, label) for code, label in Category.choices if not offered or code in offered]

    def asks(self, question):
        return question in self.registration_questions


def registration_event(page):
    """The event in the default language, which holds the settings and the registrations
    for all its translations; the page itself when it has no such translation."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale=default).first()
        or page
    )
