"""Calendar clients' revalidations answered before Wagtail routes the request.

A subscribed calendar app asks for its feed every few minutes with If-None-Match, and
nearly every answer is a 304. Finding the page (the site, a query per path segment, the
specific page) cost more than the answer, so the first answer at each address keeps what
it serves (an `ical.Feed`, under the pages version: moving, renaming or restricting a page
forgets it) and later revalidations there are answered from it with one aggregate query.
"""

from django.core.cache import cache

from website.cache_versions import PAGES_VERSION, version

from .ical import conditional

SUFFIX = "/ical/"
KEPT_SECONDS = 24 * 3600


class CalendarRevalidationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _revalidation(request):
            feed = cache.get(_key(request))
            if feed is not None:
                validators = conditional(request, feed)
                response = validators.not_modified(request)
                if response is not None:
                    return validators.mark(response)
        return self.get_response(request)


def remember(request, feed, page):
    """Keep the feed served at this address, unless its page is not public: a restricted
    calendar is always routed, so that its restriction is checked."""
    if request.method in ("GET", "HEAD") and not page.get_view_restrictions().exists():
        cache.set(_key(request), feed, KEPT_SECONDS)


def _revalidation(request):
    return (
        request.method in ("GET", "HEAD")
        and request.path.endswith(SUFFIX)
        and ("HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META)
    )


def _key(request):
    return f"ical-feed:{version(PAGES_VERSION)}:{request.get_host()}:{request.path}"
