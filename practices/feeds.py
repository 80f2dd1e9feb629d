"""RSS 2.0 and Atom feeds of the newest practices, filtered like the library page."""

from django.utils.translation import gettext as _

from website.feeds import IndexPageFeed

from .library import filtered, parse_state, practices_in, text_matches

FEED_SIZE = 50


class PracticeRssFeed(IndexPageFeed):
    def title(self, index):
        return _("Good practices: %(library)s") % {"library": index.title}

    def description(self, index):
        return index.introduction or _("The newest good practices published on the platform.")

    def items(self, index):
        state = parse_state(self.request.GET, index.locale.language_code)
        base = practices_in(index.locale)
        matches = text_matches(base, state.q) if state.q else None
        return (
            filtered(base, state, matches)
            .order_by("-first_published_at")
            .prefetch_related("country_links", "themes")[:FEED_SIZE]
        )

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [str(link.country.name) for link in item.country_links.all()]
