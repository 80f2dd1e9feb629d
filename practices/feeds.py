"""RSS 2.0 and Atom feeds of the library's selection: the first practices of the page
with the same query string, in the same order (newest first unless the visitor chose)."""

from django.utils.translation import gettext as _

from website import listing
from website.feeds import IndexPageFeed

from .library import LIBRARY, in_order

FEED_SIZE = 50


class PracticeRssFeed(IndexPageFeed):
    def filters_in_words(self, index):
        return listing.filters_in_words(LIBRARY, self.request.GET, index.locale.language_code)

    def description(self, index):
        return index.introduction or _("The newest good practices published on the platform.")

    def items(self, index):
        rows = listing.first(LIBRARY, index.locale, self.request.GET, FEED_SIZE)
        return in_order(rows, "country_links", "themes")

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [str(link.country.name) for link in item.country_links.all()]
