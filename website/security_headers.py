"""The headers that tell browsers what a page may do: one policy for the public site and
one for the Wagtail admin, which needs inline styles and scripts and frames its own
previews.

Framing: the public site is never framed, and says so twice in agreement: CSP
`frame-ancestors 'none'` for browsers that know it (they then ignore X-Frame-Options)
and `X-Frame-Options: DENY` for those that do not. Where the two disagree, a browser's
answer depends on its age. The admin frames itself (Wagtail's live preview and
wagtail-localize's editor show the page in a same-origin iframe), so the whole admin
says `'self'` and `SAMEORIGIN`. The X_FRAME_OPTIONS setting stays DENY, the value
`check --deploy` expects.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def is_admin(request):
    """An admin page, or a page rendered for the admin's preview: Wagtail passes the
    preview through the middleware again as a "dummy" request for the page's public URL,
    and the admin shows it in a frame."""
    return request.path_info.startswith(ADMIN_PREFIX) or getattr(request, "is_dummy", False)


class AdminFramingMiddleware:
    """SAMEORIGIN for the admin, set before Django's XFrameOptionsMiddleware (listed just
    above it) would add X_FRAME_OPTIONS = DENY; it keeps its place in MIDDLEWARE, where
    `check --deploy` looks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin(request):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with ADMIN_CONTENT_SECURITY_POLICY in place of the public policy under
    /admin/ (a view's own @csp_override still wins)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin(request) and not report_only and parts.config is None:
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Browser features the site never uses are refused to every page and frame, so that
    injected or third-party code cannot ask for them either (PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
