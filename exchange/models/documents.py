"""Policy documents: the site's Wagtail document model, with what the policy library
needs (type, country, issuing body, adoption date, language, summary, themes, the same
document in other languages) and the text read out of the file for full-text search."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from practices.taxonomy import Theme, names_in, source_locale_only
from website.search_fields import LanguageSearchMixin, language_search_fields
from website.search_index import country_names

from .dates import DatePrecision, date_as_known

# Words of a file's extracted text the search index reads.
INDEXED_WORDS = 5000


class DocumentType(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    LAW = "law", _("Law or bill")
    DECREE = "decree", _("Decree")
    MOU = "mou", _("Memorandum of understanding")
    ACTION_PLAN = "action_plan", _("Action plan")
    REPORT = "report", _("Report")
    GUIDE = "guide", _("Guide")


class Extraction(models.TextChoices):
    PENDING = "pending", _("Text extraction pending")
    DONE = "done", _("Text extracted: words inside the file are searchable")
    FAILED = "failed", _("The text of this file could not be read: only its details are searchable")
    NOT_PDF = "not_pdf", _("Only the text of PDF files is read: only its details are searchable")


DOCUMENT_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
]


class PolicyDocument(LanguageSearchMixin, AbstractDocument):
    doc_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=DocumentType.choices,
        blank=True,
        help_text=_(
            "Leave empty for a file that is not a policy document: it stays out of the "
            "policy library."
        ),
    )
    country = CountryField(_("country"), blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=300, blank=True)
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    adoption_date_precision = models.CharField(
        _("the date is known to"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    language = models.CharField(
        _("language of the document"), max_length=5, choices=DOCUMENT_LANGUAGES, default="fr"
    )
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        limit_choices_to=source_locale_only,
        related_name="policy_documents",
    )
    other_languages = models.ManyToManyField(
        "self",
        verbose_name=_("the same document in other languages"),
        blank=True,
        symmetrical=True,
    )
    extracted_text = models.TextField(blank=True, editable=False)
    extraction = models.CharField(
        max_length=10, choices=Extraction.choices, default=Extraction.PENDING, editable=False
    )
    # The file the extracted text was read from: a new file means reading it again.
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = (
        *Document.admin_form_fields,
        "doc_type",
        "language",
        "country",
        "issuing_body",
        "adoption_date",
        "adoption_date_precision",
        "summary",
        "themes",
        "other_languages",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("summary"),
        index.SearchField("issuing_body"),
        index.SearchField("extracted_text"),
        *language_search_fields(),
        index.FilterField("doc_type"),
        index.FilterField("country"),
        index.FilterField("language"),
        index.FilterField("adoption_date"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        # Files saved outside the admin form (imports, the demo) get their size and hash
        # too: the hash is what tells the extraction task that the file changed.
        if self.file and not self.file_hash:
            self._set_document_file_metadata()
        super().save(*args, **kwargs)

    def clean(self):
        # Wagtail checks the file's extension even when the instance has no file yet
        # (wagtail#11802): the multiple uploader's metadata form has no file field (the file
        # was checked at upload and is attached after this), and a file refused by the
        # content check is not set on the instance. Both then failed on an empty name: a
        # 500 ("has no field named 'file'") or "the extension « » is not allowed".
        if self.file:
            super().clean()

    def search_text(self):
        return " ".join([self.title, self.summary, self.issuing_body, self.extracted_text])

    def search_language(self):
        return self.language

    def search_parts(self):
        """Its text by field for the site's search index (website/search_index.py): the
        start of a long file is what says what it is about."""
        with translation.override(self.language):
            doc_type = str(self.get_doc_type_display())
        taxonomy = [
            doc_type,
            self.issuing_body,
            names_in(self.themes.all(), self.language),
            *country_names([self.country.code], self.language),
        ]
        return {
            "title": self.title,
            "summary": self.summary,
            "taxonomy": " ".join(taxonomy),
            "body": " ".join(self.extracted_text.split()[:INDEXED_WORDS]),
        }

    @classmethod
    def search_index_queryset(cls):
        return cls.objects.exclude(doc_type="").prefetch_related("themes")

    @property
    def adopted(self):
        return date_as_known(self.adoption_date, self.adoption_date_precision)

    @property
    def extension(self):
        return self.file_extension.upper()

    @property
    def year(self):
        return self.adoption_date.year if self.adoption_date else None
