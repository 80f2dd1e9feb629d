"""Which network address a request comes from, for every per-visitor limit.

Behind a reverse proxy REMOTE_ADDR is the proxy's own address: keyed on it, one visitor
would use up every visitor's quota. Each trusted proxy appends the address it received
the request from to X-Forwarded-For, so the address TRUSTED_PROXY_COUNT entries from the
right end was written by our own outermost proxy. Entries further left come from the
visitor and prove nothing; a visitor who forges the header only adds entries there.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The visitor's address as the outermost trusted proxy saw it.

    Used by the form and search limits (website/throttle.py) and by django-axes
    (AXES_CLIENT_IP_CALLABLE). Falls back to REMOTE_ADDR when there is no trusted proxy,
    or when the header is missing, too short or not an address: then a proxy was bypassed
    or misconfigured, and nothing the visitor wrote may be used as their key.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < hops:
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
