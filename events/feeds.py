"""RSS 2.0 and Atom feeds of the upcoming events, filtered like the calendar page."""

from django.utils import timezone
from django.utils.translation import gettext as _

from website.feeds import IndexPageFeed

from .calendar import events_in, filtered, filters_in_words, parse_state
from .presentation import when, where

FEED_SIZE = 50


class EventRssFeed(IndexPageFeed):
    def filters_in_words(self, index):
        language = index.locale.language_code
        return filters_in_words(parse_state(self.request.GET, language), language)

    def description(self, index):
        return index.introduction or _("Forums, GFMD meetings and workshops to come.")

    def items(self, index):
        state = parse_state(self.request.GET, index.locale.language_code)
        events = filtered(events_in(index.locale), state).filter(ends_at__gte=timezone.now())
        return events.order_by("starts_at")[:FEED_SIZE]

    def item_description(self, item):
        return f"{when(item)} · {where(item)}\n\n{item.summary}"

    def item_categories(self, item):
        return [item.get_event_type_display(), item.get_status_display()]
