"""Addresses that moved: the old one answers with a permanent redirect that keeps what
the visitor sent."""

from django.shortcuts import redirect


def moved_permanently(request, url):
    """301 for a GET or HEAD; 308 for anything else, so that a browser posts the same form
    to the new address instead of turning it into a GET and losing it."""
    query = request.META.get("QUERY_STRING", "")
    if query:
        url += ("&" if "?" in url else "?") + query
    return redirect(url, permanent=True, preserve_request=request.method not in ("GET", "HEAD"))
