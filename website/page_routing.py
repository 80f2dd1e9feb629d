"""The site and the page of a request, found once per address until a page changes.

Wagtail finds the site with a query on every request and the page with a query per
path segment plus one for its specific type: a fixed cost that was a fifth of an
uncached library page and half of a calendar client's revalidation. Here the site is kept
per host and port, and each address's page as its id and the number of path segments it
consumes, under the pages version (any publication, move or site change forgets them).
A kept page is loaded with one query and still routes the rest of the path itself (a
calendar's month view, a feed), still answers 404 when it is no longer live and still
has its view restrictions checked by Wagtail's serve.
"""

from django.apps import apps
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache_versions import PAGES_VERSION, version

KEPT_SECONDS = 24 * 3600
NO_SITE = "none"


class CachedSiteMiddleware:
    """Give Wagtail the request's site from the cache (`Site.find_for_request` reads
    `request._wagtail_site` first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"site:{version(PAGES_VERSION)}:{hostname}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request) or NO_SITE
            cache.set(key, site, KEPT_SECONDS)
        request._wagtail_site = None if site == NO_SITE else site
        return self.get_response(request)


def serve(request, path):
    """Wagtail's page serving, with the page found from what an earlier request kept."""
    site = Site.find_for_request(request)
    if site is not None:
        key = f"route:{version(PAGES_VERSION)}:{site.pk}:{get_language()}:{path}"
        known = cache.get(key)
        if known is None:
            _keep(key, site, Page.route_for_request(request, path))
        else:
            request._wagtail_route_for_request = _route(request, path, *known)
    return wagtail_views.serve(request, path)


def _keep(key, site, route):
    if route is None:
        return
    page = route[0]
    # Routing starts at the site's root in the active language, a sibling of the root.
    consumed = page.depth - site.root_page.depth
    cache.set(key, (page._meta.label, page.pk, consumed), KEPT_SECONDS)


def _route(request, path, label, page_id, consumed):
    components = [component for component in path.split("/") if component]
    page = apps.get_model(label).objects.filter(pk=page_id).first()
    if page is None:
        return None
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None
