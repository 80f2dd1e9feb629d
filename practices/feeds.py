"""RSS 2.0 and Atom feeds of the newest practices, filtered like the library page."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .library import filtered, parse_state, practices_in, text_matches

FEED_SIZE = 50


class PracticeRssFeed(Feed):
    def __call__(self, request, *args, index=None, **kwargs):
        self.index = index
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        self.request = request
        return self.index

    def title(self, index):
        return _("Good practices: %(library)s") % {"library": index.title}

    def link(self, index):
        return index.get_url(self.request)

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

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(link.country.name) for link in item.country_links.all()]


class PracticeAtomFeed(PracticeRssFeed):
    feed_type = Atom1Feed
    subtitle = PracticeRssFeed.description
