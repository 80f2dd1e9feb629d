"""The country profiles: the index of the partner countries with its map, and each
country's page with what is listed on it automatically (its agreements, practices, events
and policy documents), its institutions, focal points and engagement in the GFMD.

The old "ask to learn" sub-route (learn/) sends visitors on to the form's own URL
(exchange/urls.py)."""

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.models import EventCountry, EventPage
from practices.cards import cards
from practices.models import PracticeCountry, PracticeIndexPage, PracticePage
from website.redirects import moved_to
from website.search_fields import PageLanguageSearchMixin, language_search_fields
from website.search_index import country_names
from website.translation_access import TranslatorPermissionsMixin

from ..map import MAP_SHAPES
from .agreements import BilateralAgreement
from .documents import PolicyDocument
from .library import PolicyLibraryPage

LISTED = 6


class CountryIndexPage(TranslatorPermissionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["exchange.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("country index")
        verbose_name_plural = _("country indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        countries = list(
            self.get_children().live().specific().order_by("-countrypage__featured", "title")
        )
        shapes = {page.country.code: page for page in countries if page.featured}
        context["countries"] = countries
        context["map_shapes"] = [
            {**shape, "page": shapes[code]} for code, shape in MAP_SHAPES.items() if code in shapes
        ]
        return context


class CountryPage(TranslatorPermissionsMixin, PageLanguageSearchMixin, RoutablePageMixin, Page):
    country = CountryField(_("country"))
    summary = models.TextField(_("summary"), max_length=400)
    migration_context = RichTextField(
        _("migration context"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    migration_policy = RichTextField(
        _("migration policy"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    featured = models.BooleanField(
        _("partner country"),
        default=True,
        help_text=_("Partner countries are listed first and drawn on the map."),
    )

    # For the translation overview's country filter (website/translation_status.py).
    country_lookup = "country"

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("country"), FieldPanel("featured")]),
        FieldPanel("summary"),
        FieldPanel("migration_context"),
        FieldPanel("migration_policy"),
        InlinePanel("institutions", label=_("Institutions in charge")),
        InlinePanel("focal_points", label=_("Focal points")),
        InlinePanel("gfmd_engagements", label=_("Engagement in the GFMD")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("migration_context"),
        index.SearchField("migration_policy"),
        index.FilterField("country"),
        *language_search_fields(),
    ]
    parent_page_types = ["exchange.CountryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def search_text(self):
        parts = [self.title, self.summary, self.migration_context, self.migration_policy]
        return " ".join(parts)

    def search_parts(self):
        """Its text by field for the site's search index (website/search_index.py)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "taxonomy": " ".join(country_names([self.country.code], self.locale.language_code)),
            "body": strip_tags(f"{self.migration_context} {self.migration_policy}"),
        }

    @classmethod
    def search_index_queryset(cls):
        return cls.objects.live().select_related("locale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listed())
        context["breadcrumbs"] = self.get_ancestors().filter(depth__gt=1)
        return context

    def listed(self):
        """What the page lists automatically: the country's agreements, its practices
        and upcoming events in the page's language, its policy documents."""
        code = self.country.code
        practices = (
            PracticePage.objects.live()
            .public()
            .filter(
                locale=self.locale,
                pk__in=PracticeCountry.objects.filter(country=code).values("page_id"),
            )
        )
        events = (
            EventPage.objects.live()
            .public()
            .filter(
                locale=self.locale,
                pk__in=EventCountry.objects.filter(country=code).values("page_id"),
            )
        )
        return {
            "agreements": BilateralAgreement.objects.filter(
                locale=self.locale, parties__contains=code
            ).select_related("document"),
            "practices": cards(
                practices.order_by("-first_published_at").values_list("pk", flat=True)[:LISTED]
            ),
            "practice_count": practices.count(),
            "practice_library": PracticeIndexPage.objects.live().filter(locale=self.locale).first(),
            "events": events.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:LISTED],
            "documents": PolicyDocument.objects.exclude(doc_type="")
            .filter(country=code)
            .order_by("-adoption_date")[:LISTED],
            "library": PolicyLibraryPage.objects.live().filter(locale=self.locale).first(),
        }

    @path("")
    def country_route(self, request):
        return self.render(request)

    @path("learn/")
    def learn_route(self, request):
        """Where the form that asks to learn from this country used to be."""
        return moved_to(request, self, "exchange:learn_from_country")


# The rows below are translatable so that wagtail-localize offers their text for
# translation: it copies the rows of a child model that is not, in the source language.


class Institution(TranslatableMixin, Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="institutions")
    name = models.CharField(_("name"), max_length=200)
    role = models.TextField(_("role"), max_length=600, blank=True)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")


class FocalPoint(TranslatableMixin, Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="focal_points")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    show_contact = models.BooleanField(
        _("show the contact details on the site"),
        default=False,
        help_text=_("Without this, the e-mail and telephone are only used for notifications."),
    )
    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("admin account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lets this focal point see and answer the exchange requests for the country."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("institution"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("show_contact"),
        # The account sees requesters' contact details: only administrators name it.
        FieldPanel("user", permission="superuser"),
    ]
    # Contact details are the person's, the same in every language.
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")


class GfmdEngagement(TranslatableMixin, Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="gfmd_engagements")
    year = models.PositiveSmallIntegerField(_("year"))
    role = models.CharField(_("role"), max_length=200)
    meeting = models.CharField(_("roundtable or meeting"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("role")]), FieldPanel("meeting")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["year", "sort_order"]
        verbose_name = _("engagement in the GFMD")
        verbose_name_plural = _("engagements in the GFMD")
