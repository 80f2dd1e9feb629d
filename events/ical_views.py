"""The iCalendar addresses: the calendar's feed and each event's file, with validators
that let a calendar client revalidate cheaply (events/revalidation.py)."""

from django.core.cache import cache
from django.http import HttpResponse

from .ical import build, calendar_feed, conditional, event_feed
from .revalidation import remember

BODY_SECONDS = 24 * 3600


def calendar_feed_response(request, index):
    return feed_response(request, calendar_feed(index), index)


def event_file_response(request, event):
    response = feed_response(request, event_feed(event), event)
    response.setdefault(
        "Content-Disposition", f'attachment; filename="{event.slug[:60] or "event"}.ics"'
    )
    return response


def feed_response(request, feed, page):
    remember(request, feed, page)
    validators = conditional(request, feed)
    response = validators.not_modified(request)
    if response is None:
        # Kept under its ETag, a function of the data: a new subscriber's full download
        # reads one cache entry instead of joining every stored VEVENT again.
        body = cache.get(f"ical-body:{validators.etag}")
        if body is None:
            body = build(feed, request.GET)
            validators = conditional(request, feed)  # the build may have written entries
            cache.set(f"ical-body:{validators.etag}", body, BODY_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return validators.mark(response)
