"""The pages of the exchange: the policy library, and the country profiles."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.feeds import FeedRoutesMixin
from website.search_fields import PageLanguageSearchMixin, language_search_fields


class PolicyLibraryPage(FeedRoutesMixin, RoutablePageMixin, Page):
    """Policy documents with facets, full-text search (inside the files too) and a feed."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    feed_class = "exchange.feeds.DocumentRssFeed"

    class Meta:
        verbose_name = _("policy library")
        verbose_name_plural = _("policy libraries")

    @path("")
    def library_route(self, request):
        from .policy_library import parse_state, run

        return self.render(request, context_overrides=run(parse_state(request.GET)))

    @path("document/<int:document_id>/")
    def document_route(self, request, document_id):
        from .presentation import document_context

        context = document_context(self, document_id)
        if context is None:
            raise Http404
        return self.render(
            request, template="exchange/policy_document.html", context_overrides=context
        )

    @path("feed/rss/")
    def rss_route(self, request):
        return self.feed_response(request)

    @path("feed/atom/")
    def atom_route(self, request):
        return self.feed_response(request, atom=True)


class CountryIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["exchange.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("country index")
        verbose_name_plural = _("country indexes")

    def get_context(self, request, *args, **kwargs):
        from .presentation import country_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(country_index_context(self))
        return context


class CountryPage(PageLanguageSearchMixin, RoutablePageMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from .presentation import country_context

        context = super().get_context(request, *args, **kwargs)
        context.update(country_context(self, request))
        return context

    @path("")
    def country_route(self, request):
        return self.render(request)

    @path("learn/")
    def learn_route(self, request):
        from .exchange_views import request_exchange

        return request_exchange(request, self)


class Institution(Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="institutions")
    name = models.CharField(_("name"), max_length=200)
    role = models.TextField(_("role"), max_length=600, blank=True)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url")]


class FocalPoint(Orderable):
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
        FieldPanel("user"),
    ]


class GfmdEngagement(Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="gfmd_engagements")
    year = models.PositiveSmallIntegerField(_("year"))
    role = models.CharField(_("role"), max_length=200)
    meeting = models.CharField(_("roundtable or meeting"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("role")]), FieldPanel("meeting")]

    class Meta(Orderable.Meta):
        ordering = ["year", "sort_order"]
