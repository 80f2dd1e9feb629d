"""The document form of the admin (WAGTAILDOCS_DOCUMENT_FORM_BASE): the content check on
upload, and where the text extraction stands."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .upload_checks import check_content


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

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_content(uploaded)
        return uploaded
