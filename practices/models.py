from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from website.blocks import BodyBlock
from website.feeds import FeedRoutesMixin
from website.localize import SYNCHRONISED_PAGE_FIELDS
from website.redirects import moved_to
from website.search_fields import PageLanguageSearchMixin, language_search_fields
from website.search_index import country_names, stream_text
from website.translation_access import TranslatorPermissionsMixin

from .taxonomy import (
    Organisation,
    SDGTarget,
    TargetGroup,
    Theme,
    names_in,
    source_locale_only,
)

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class PracticeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticeCountry(Orderable):
    page = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="country_links"
    )
    country = CountryField(_("country"))

    panels = [FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class PracticeResult(TranslatableMixin, Orderable):
    """A figure the practice achieved, e.g. value "1,855", label "entrepreneurs counselled".

    Translatable so that wagtail-localize offers its label for translation (it copies the
    rows of a model that is not); the figure itself is synchronised.
    """

    page = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="results")
    value = models.CharField(_("value"), max_length=40)
    label = models.CharField(_("indicator"), max_length=200)

    panels = [FieldRowPanel([FieldPanel("value"), FieldPanel("label")])]
    override_translatable_fields = [SynchronizedField("value")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")


class PracticePage(TranslatorPermissionsMixin, PageLanguageSearchMixin, RoutablePageMixin, Page):
    summary = models.TextField(_("summary"), max_length=800)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Cities or regions where it happens.")
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, limit_choices_to=source_locale_only
    )
    sdg_targets = ParentalManyToManyField(
        SDGTarget, verbose_name=_("SDG targets"), blank=True, limit_choices_to=source_locale_only
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        limit_choices_to=source_locale_only,
    )
    implementing_organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("implementing organisations"),
        blank=True,
        related_name="implemented_practices",
        limit_choices_to=source_locale_only,
    )
    funders = ParentalManyToManyField(
        Organisation,
        verbose_name=_("funders"),
        blank=True,
        related_name="funded_practices",
        limit_choices_to=source_locale_only,
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.ONGOING
    )
    lessons = RichTextField(
        _("lessons learned"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    contact = models.TextField(
        _("contact"),
        blank=True,
        max_length=500,
        help_text=_("An institutional contact, shown publicly."),
    )
    related_documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("related documents"),
        blank=True,
        help_text=_(
            "Files about this practice. A policy document chosen here lists the practice on "
            "its own page in the policy library."
        ),
    )
    tags = ClusterTaggableManager(through=PracticeTag, blank=True, verbose_name=_("tags"))
    featured = models.BooleanField(_("featured on the home page"), default=False)
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Identifier in the source the practice was imported from."),
    )

    # For the translation overview's country filter (website/translation_status.py).
    country_lookup = "country_links__country"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                InlinePanel("country_links", label=_("Countries"), min_num=1),
                FieldPanel("place"),
                FieldRowPanel(
                    [FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")]
                ),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("target_groups"),
                FieldPanel("sdg_targets"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("implementing_organisations"), FieldPanel("funders")],
            heading=_("Partners"),
        ),
        FieldPanel("body"),
        InlinePanel("results", label=_("Results")),
        FieldPanel("lessons"),
        FieldPanel("contact"),
        FieldPanel("related_documents"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("featured"), FieldPanel("external_id")]
    # The identifier links translations to their source in imports: never translated.
    override_translatable_fields = [
        *SYNCHRONISED_PAGE_FIELDS,
        SynchronizedField("external_id", overridable=False),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("lessons"),
        *language_search_fields(),
        index.FilterField("status"),
        index.FilterField("start_year"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    def save(self, *args, **kwargs):
        # Every practice gets an identifier for export and re-import; translations share it.
        if not self.external_id:
            self.external_id = str(self.translation_key)
        super().save(*args, **kwargs)

    def search_text(self):
        return " ".join([self.title, self.summary, self.place, str(self.body or "")])

    def search_parts(self):
        """Its text by field for the site's search index (website/search_index.py)."""
        language = self.locale.language_code
        terms = [
            *self.themes.all(),
            *self.target_groups.all(),
            *self.implementing_organisations.all(),
            *self.funders.all(),
        ]
        codes = [link.country.code for link in self.country_links.all()]
        return {
            "title": self.title,
            "summary": self.summary,
            "taxonomy": " ".join([names_in(terms, language), *country_names(codes, language)]),
            "body": " ".join([stream_text(self.body), self.place, strip_tags(self.lessons)]),
        }

    @classmethod
    def search_index_queryset(cls):
        return (
            cls.objects.live()
            .select_related("locale")
            .prefetch_related(
                "themes", "target_groups", "implementing_organisations", "funders", "country_links"
            )
        )

    def get_context(self, request, *args, **kwargs):
        from .presentation import practice_context

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_context(self))
        return context

    @path("")
    def practice_route(self, request):
        return self.render(request)

    @path("learn/")
    def learn_route(self, request):
        """Where the form that asks to learn from this practice used to be (the exchange
        app serves it now)."""
        return moved_to(request, self, "exchange:learn_from_practice")


class PracticeIndexPage(TranslatorPermissionsMixin, FeedRoutesMixin, RoutablePageMixin, Page):
    """The library: search and facets, plus its tag pages, feeds and exports."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1
    feed_class = "practices.feeds.PracticeRssFeed"

    class Meta:
        verbose_name = _("practice library")
        verbose_name_plural = _("practice libraries")

    @path("")
    def index_route(self, request):
        from website.listing import not_cached_if_counted

        from .library import run

        library = run(self.locale, request.GET)
        response = self.render(request, context_overrides={"library": library})
        return not_cached_if_counted(response, library)

    @path("tag/<str:tag>/")
    def tag_route(self, request, tag):
        from .cards import cards
        from .library import PAGE_SIZE, practices_in

        practices = practices_in(self.locale).filter(tags__slug=tag).distinct()
        tag_object = PracticeTag.tag_model().objects.filter(slug=tag).first()
        if tag_object is None:
            raise Http404
        return self.render(
            request,
            template="practices/tag_page.html",
            context_overrides={
                "tag": tag_object,
                "practices": cards(
                    practices.order_by("title").values_list("pk", flat=True)[: PAGE_SIZE * 10]
                ),
            },
        )

    @path("export/csv/")
    def csv_route(self, request):
        from .export import csv_response

        return csv_response(self, request)

    @path("export/json/")
    def json_route(self, request):
        from .export import json_response

        return json_response(self, request)
