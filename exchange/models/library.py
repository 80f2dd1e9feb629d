"""The policy library page: the policy documents with facets, full-text search (inside
the files too) and a feed, and each document's own page."""

from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from practices.taxonomy import Theme
from website.feeds import FeedRoutesMixin
from website.listing import not_cached_if_counted
from website.translation_access import TranslatorPermissionsMixin

from ..policy_library import policy_documents, run


class PolicyLibraryPage(TranslatorPermissionsMixin, FeedRoutesMixin, RoutablePageMixin, Page):
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
        library = run(self.locale, request.GET)
        response = self.render(request, context_overrides={"library": library})
        return not_cached_if_counted(response, library)

    @path("export/<str:kind>/")
    def export_route(self, request, kind):
        from ..policy_export import export_response

        return export_response(self, request, kind)

    @path("document/<int:document_id>/")
    def document_route(self, request, document_id):
        return self.render(
            request,
            template="exchange/policy_document.html",
            context_overrides=self.document_context(document_id),
        )

    def document_context(self, document_id):
        from ..relations import events_using, practices_using

        document = policy_documents().filter(pk=document_id).first()
        if document is None:
            raise Http404
        labels = Theme.labels(get_language())
        return {
            "document": document,
            "themes": [labels.get(theme.slug, theme.name) for theme in document.themes.all()],
            "other_languages": document.other_languages.order_by("language"),
            "library_url": self.url,
            "practices": practices_using(document, self.locale),
            "events": events_using(document, self.locale),
        }
