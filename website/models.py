from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BodyBlock
from .search_fields import PageLanguageSearchMixin, language_search_fields
from .search_index import SearchTerm, stream_text  # noqa: F401 (the index's model)
from .synonyms import phrase_errors, phrases
from .translation_access import TranslatorPermissionsMixin, register_snippet_for_translation


class HomePage(TranslatorPermissionsMixin, Page):
    """The root of each locale's tree: introduction and the platform's main sections.

    Each section comes from its own app's template tag (practice_tags, event_tags), so
    the core names no app above it."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.StandardPage",
        "practices.PracticeIndexPage",
        "events.EventIndexPage",
        "exchange.CountryIndexPage",
        "exchange.PolicyLibraryPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(TranslatorPermissionsMixin, PageLanguageSearchMixin, Page):
    """About, data protection, and any other page of plain editorial content."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        *language_search_fields(),
    ]

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    def search_text(self):
        return " ".join([self.title, self.introduction, str(self.body or "")])

    def search_parts(self):
        """Its text by field for the site's search index (website/search_index.py)."""
        return {"title": self.title, "summary": self.introduction, "body": stream_text(self.body)}

    @classmethod
    def search_index_queryset(cls):
        return cls.objects.live().select_related("locale")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.get_ancestors().live().type(HomePage, StandardPage)
        return context


@register_snippet_for_translation
class FooterText(TranslatableMixin, models.Model):
    """The footer's words, one per locale (site settings themselves are not translatable)."""

    text = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text (%(language)s)") % {"language": self.locale.get_display_name()})


class SearchSynonym(models.Model):
    """Phrases that search treats as one: an acronym and its spelled-out names (GFMD, FMMD,
    Forum mondial sur la migration et le développement), in one language or in all.

    Not a translatable snippet: each language has its own acronyms (FMMD is French only,
    OIM/IOM differ), so a group is written for the language whose words it joins.
    """

    ALL_LANGUAGES = ""
    LANGUAGES = [
        (ALL_LANGUAGES, _("All languages")),
        ("fr", _("French")),
        ("en", _("English")),
        ("ar", _("Arabic")),
    ]

    language = models.CharField(
        _("language"),
        max_length=2,
        choices=LANGUAGES,
        blank=True,
        default=ALL_LANGUAGES,
        help_text=_("The searches in which the phrases are interchangeable."),
    )
    phrases = models.TextField(
        _("phrases"),
        max_length=2000,
        help_text=_(
            "One per line: an acronym, its other spellings and its names. A search for any "
            "of them also finds the others."
        ),
    )
    note = models.CharField(
        _("note for editors"),
        max_length=300,
        blank=True,
        help_text=_("Why these phrases go together, for the next editor."),
    )

    panels = [FieldPanel("language"), FieldPanel("phrases"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "pk"]

    def __str__(self):
        return " / ".join(self.phrase_list())

    def phrase_list(self):
        return phrases(self.phrases)

    def clean(self):
        errors = phrase_errors(self.phrases)
        if errors:
            raise ValidationError({"phrases": errors})


# The partners of the cooperation: Morocco, Côte d'Ivoire, Mali, Senegal.
PARTNER_COUNTRIES = ["MA", "CI", "ML", "SN"]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True, max_length=400)
    data_protection_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("data protection page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer and from every form that collects personal data."),
    )
    partner_countries = CountryField(
        _("partner countries"),
        multiple=True,
        blank=True,
        default=PARTNER_COUNTRIES,
        help_text=_("Listed first in the country lists of the public forms."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("data_protection_page"),
        FieldPanel("partner_countries"),
    ]

    class Meta:
        verbose_name = _("site settings")


class OutgoingMail(models.Model):
    """A message written in the same transaction as the change that causes it.

    It survives a broker or mail-server outage: a worker sends it after the commit, and
    a periodic sweep resends whatever is still unsent (website/tasks.py). `about` names
    the record whose person it concerns, so that anonymising that record can take its
    messages away too (website/mail.py, forget_mail_about).
    """

    template_prefix = models.CharField(max_length=200)
    recipient = models.EmailField()
    language = models.CharField(max_length=10)
    context = models.JSONField(default=dict)
    attachments = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Who holds the claim: a Celery task's id, so that the same task delivered again
    # after its worker died takes the message over at once (website/mail_delivery.py).
    claimed_by = models.CharField(max_length=200, blank=True)
    # The same Message-ID on every attempt: a copy sent again after a sender died between
    # the server's acceptance and the mark is recognised as the same message.
    message_id = models.CharField(max_length=255, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    about_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["about_type", "about_id"])]

    def __str__(self):
        return f"{self.template_prefix} #{self.pk}"
