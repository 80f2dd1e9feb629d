"""The registration form, shaped by the event's settings: the categories it offers and
the extra questions it asks. A honeypot field catches the robots that fill everything.
The details form is the part a participant may correct later from their status page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import INTERPRETATION_LANGUAGES
from events.registration_settings import Question
from website.countries import country_choices
from website.forms import HoneypotForm


class DetailsForm(forms.Form):
    """Who the participant is and what they need. Not the address, which the links are
    sent to, nor the country and category, which decided their seat (quotas)."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    role = forms.CharField(label=_("Role or position"), max_length=200)
    interpretation_language = forms.ChoiceField(
        label=_("Language you will follow the meeting in"), choices=INTERPRETATION_LANGUAGES
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    invitation_letter = forms.BooleanField(
        label=_("I need an invitation letter to apply for a visa"), required=False
    )

    QUESTION_FIELDS = {
        Question.ORGANISATION: ("organisation", "role"),
        Question.INTERPRETATION: ("interpretation_language",),
        Question.ACCESSIBILITY: ("accessibility_needs",),
        Question.DIETARY: ("dietary_needs",),
        Question.INVITATION_LETTER: ("invitation_letter",),
    }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        for question, names in self.QUESTION_FIELDS.items():
            if not event.asks(question):
                for name in names:
                    del self.fields[name]
        if event.asks(Question.INTERPRETATION) and event.interpretation_languages:
            self.fields["interpretation_language"].choices = [
                (code, label)
                for code, label in INTERPRETATION_LANGUAGES
                if code in event.interpretation_languages
            ]

    def registration_data(self):
        """The cleaned values that the Registration model stores."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("consent", "website")
        }


class RegistrationForm(HoneypotForm, DetailsForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to confirm it is yours."),
    )
    country = forms.ChoiceField(label=_("Country you represent"))
    category = forms.ChoiceField(label=_("You participate as"), widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep these details to run this event. They are "
            "anonymised after the event."
        ),
        error_messages={"required": _("Please give your consent so that we can register you.")},
    )

    # The rest follow in the order DetailsForm declares them, the consent last.
    field_order = ["website", "full_name", "email", "country", "category"]

    def __init__(self, *args, event, partners=(), **kwargs):
        super().__init__(*args, event=event, **kwargs)
        self.fields["country"].choices = country_choices(partners)
        self.fields["category"].choices = event.offered_categories()


class FindForm(HoneypotForm):
    """“Send me my registrations”: the address the links go to."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address you registered with. We send the links to it."),
    )
