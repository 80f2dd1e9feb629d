"""RSS 2.0 and Atom feeds of an index page's children, filtered by the page's query string."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import path

from .public_url import absolute_url, page_url


def named_in_words(title, filters):
    """A feed's or a calendar's name: the index's title, then what its query string
    selects in words ("Agenda — Sénégal, Forum"), never the query string itself."""
    if not filters:
        return title
    separator = "، " if get_language() == "ar" else ", "
    return f"{title} — {separator.join(filters)}"


class IndexPageFeed(Feed):
    """Subclasses say which items (`items`), what the query string selects
    (`filters_in_words`) and how items read (`description`, `item_description`,
    `item_categories`); the name, links, GUIDs and dates are common."""

    item_guid_is_permalink = False

    def __call__(self, request, *args, index=None, **kwargs):
        self.index = index
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        self.request = request
        return self.index

    def title(self, index):
        return named_in_words(index.title, self.filters_in_words(index))

    def filters_in_words(self, index):
        return []

    def link(self, index):
        return page_url(index, self.request)

    def feed_url(self, index):
        return absolute_url(self.request.get_full_path())

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    @classmethod
    def atom(cls):
        """The same feed in Atom."""
        return type(
            f"{cls.__name__}Atom", (cls,), {"feed_type": Atom1Feed, "subtitle": cls.description}
        )


class FeedRoutesMixin:
    """`feed/rss/` and `feed/atom/` routes for a RoutablePageMixin index page (listed
    before RoutablePageMixin among the page's bases)."""

    feed_class = None  # dotted path of an IndexPageFeed subclass

    def feed_response(self, request, atom=False):
        feed = import_string(self.feed_class)
        return (feed.atom() if atom else feed)()(request, index=self)

    @path("feed/rss/")
    def rss_route(self, request):
        return self.feed_response(request)

    @path("feed/atom/")
    def atom_route(self, request):
        return self.feed_response(request, atom=True)
