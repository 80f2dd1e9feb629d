"""A fixed-window rate limit in the cache, shared by the forms that take personal data and
by search.

If the cache is unreachable the request is let through: losing what someone typed
would be worse than letting a burst of spam reach the moderation queue. The cache itself
says so in the log, once a minute (website/resilient_cache.py).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from .client_address import client_address
from .resilient_cache import CacheUnavailable


def allow(scope, identity, limit, window_seconds=3600):
    """Count one more attempt by `identity`; False once `limit` is passed in the window."""
    digest = hashlib.sha256(f"{scope}|{identity}".encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}:{int(time.time() // window_seconds)}"
    try:
        cache.add(key, 0, window_seconds)
        return cache.incr(key) <= limit
    except (CacheUnavailable, ValueError):  # unreachable, or the count expired at once
        return True


def visitor_allowed(request, scope, limit, window_seconds=3600):
    """Count one more request by this visitor, keyed on their address behind the proxy."""
    return allow(f"{scope}-address", client_address(request), limit, window_seconds)


def submission_allowed(request, scope):
    """The limits on a form that takes personal data: per network address and per e-mail
    address typed in the form (REGISTRATION_SUBMISSIONS_PER_*)."""
    email = request.POST.get("email", "").strip().lower()
    return visitor_allowed(request, scope, settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS) and allow(
        f"{scope}-email", email, settings.REGISTRATION_SUBMISSIONS_PER_EMAIL
    )
