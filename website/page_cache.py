"""Whole public pages cached for anonymous visitors until any page or setting changes.

Only what every anonymous visitor would get alike is kept: GET or HEAD, answered 200
with HTML, no cookie set, no session or login involved. The key carries the host, the
full path with its query string and the versions that publishing, taxonomy and document
edits bump (website/signals.py, practices/signals.py, exchange/signals.py), so nothing
stale is ever served.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .cache_versions import CONTENT_VERSIONS, version

SECONDS = 600


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if self._cacheable_response(request, response):
                cache.set(key, response, SECONDS)
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            # An editor's preview is rendered as a "dummy" request for the page's public
            # address: served from here it showed the live page instead of the draft.
            and not getattr(request, "is_dummy", False)
            and not request.path.startswith(("/admin/", "/documents/"))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.META.get("HTTP_AUTHORIZATION")
        )

    @staticmethod
    def _cacheable_response(request, response):
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not (user and user.is_authenticated)
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request):
        raw = f"{request.get_host()}|{request.get_full_path()}|{request.method}"
        digest = hashlib.sha256(raw.encode()).hexdigest()
        versions = ":".join(version(name) for name in CONTENT_VERSIONS)
        return f"page:{versions}:{digest}"
