"""The forms of the exchange: the public form that asks to learn from a practice or a
country, what staff write on a request in the queue, and the document form of the admin
(WAGTAILDOCS_DOCUMENT_FORM_BASE) with the content check on upload and where the text
extraction stands."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from website.countries import country_choices
from website.forms import HoneypotForm

from .models.requests import LearningFormat
from .upload_checks import check_content


class ExchangeRequestForm(HoneypotForm):
    institution = forms.CharField(label=_("Your institution"), max_length=200)
    requester_country = forms.ChoiceField(label=_("Country of your institution"))
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    wants_to_learn = forms.CharField(
        label=_("What would you like to learn?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    preferred_format = forms.ChoiceField(
        label=_("Preferred format"), choices=LearningFormat.choices, widget=forms.RadioSelect
    )
    timing = forms.CharField(
        label=_("When?"),
        max_length=200,
        required=False,
        help_text=_("For example: the second half of 2027."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the moderators and the focal points of the country concerned use "
            "these details to answer my request."
        ),
        error_messages={"required": _("Please give your consent so that we can answer you.")},
    )

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester_country"].choices = country_choices(partners)

    def request_data(self):
        return {k: v for k, v in self.cleaned_data.items() if k not in ("consent", "website")}


class RequestTextForm(forms.Form):
    """An internal note or a message to the requester (queue_views.py), by its prefix."""

    text = forms.CharField(
        label=_("Text"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PolicyDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["text_extraction"] = forms.CharField(
                label=_("Searchable text"),
                required=False,
                disabled=True,
                initial=self.instance.get_extraction_display(),
            )

    def save(self, commit=True):
        # Wagtail's single upload saves inside a transaction, its multiple uploader does not:
        # there the text extraction queued for the commit ran at once, and the reindex
        # that ends this save wrote the document back into the index without its text.
        with transaction.atomic():
            return super().save(commit=commit)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_content(uploaded)
        return uploaded
