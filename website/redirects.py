"""Addresses that moved: the old one answers with a permanent redirect that keeps what
the visitor sent."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation


def moved_permanently(request, url):
    """301 for a GET or HEAD; 308 for anything else, so that a browser posts the same form
    to the new address instead of turning it into a GET and losing it."""
    query = request.META.get("QUERY_STRING", "")
    if query:
        url += ("&" if "?" in url else "?") + query
    return redirect(url, permanent=True, preserve_request=request.method not in ("GET", "HEAD"))


def moved_to(request, page, url_name, **kwargs):
    """A page's old sub-route that now lives at `url_name` (an app's URL module, named so
    that no page model imports the app above it), in the page's own language."""
    with translation.override(page.locale.language_code):
        url = reverse(url_name, kwargs={"page_id": page.pk, **kwargs})
    return moved_permanently(request, url)
