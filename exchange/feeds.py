from django.utils.translation import gettext_lazy as _

from website import listing
from website.feeds import IndexPageFeed
from website.public_url import absolute_url

from .policy_library import LIBRARY, in_order

FEED_SIZE = 30


class DocumentRssFeed(IndexPageFeed):
    """The policy library's selection for the same query string, in the same order (the
    newest adopted first unless the visitor chose), whatever their language."""

    description = _("New policy documents of the South–South cooperation on migration.")

    def filters_in_words(self, index):
        return listing.filters_in_words(LIBRARY, self.request.GET, index.locale.language_code)

    def items(self, index):
        return in_order(listing.first(LIBRARY, index.locale, self.request.GET, FEED_SIZE))

    def item_description(self, document):
        return document.summary

    def item_link(self, document):
        return absolute_url(f"{self.index.get_url(self.request)}document/{document.pk}/")

    def item_guid(self, document):
        return f"urn:ssme:document:{document.pk}"

    def item_pubdate(self, document):
        return document.created_at

    def item_updateddate(self, document):
        return document.created_at

    def item_categories(self, document):
        return [document.get_doc_type_display()]
