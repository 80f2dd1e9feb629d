"""RSS 2.0 and Atom feeds of the upcoming events, filtered like the calendar page."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .calendar import events_in, filtered, parse_state
from .presentation import when, where

FEED_SIZE = 50


class EventRssFeed(Feed):
    def __call__(self, request, *args, index=None, **kwargs):
        self.index = index
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        self.request = request
        return self.index

    def title(self, index):
        return _("Upcoming events: %(calendar)s") % {"calendar": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.introduction or _("Forums, GFMD meetings and workshops to come.")

    def items(self, index):
        state = parse_state(self.request.GET, index.locale.language_code)
        events = filtered(events_in(index.locale), state).filter(ends_at__gte=timezone.now())
        return events.order_by("starts_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{when(item)} · {where(item)}\n\n{item.summary}"

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
        return [item.get_event_type_display(), item.get_status_display()]


class EventAtomFeed(EventRssFeed):
    feed_type = Atom1Feed
    subtitle = EventRssFeed.description
