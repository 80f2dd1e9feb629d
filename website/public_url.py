"""Every absolute link the site writes (e-mails, feeds, calendars, sitemaps, exports,
alternates) starts with the one configured public address, PUBLIC_BASE_URL.

Neither the request's host (a proxy's, a worker's that has no request, a test client's)
nor the Site record's (Wagtail's `root_url` knows only http or port 443) is trusted for it;
the Site record is kept in step with the setting instead, so that Wagtail's own links
and the admin agree.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def absolute_url(path_or_url):
    """The public address of a path, or of a URL that another part built on another host."""
    parts = urlsplit(path_or_url)
    return settings.PUBLIC_BASE_URL + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def page_url(page, request=None):
    """A page's public address ('' for a page that is not routable)."""
    url = page.get_url(request)
    return absolute_url(url) if url else ""


def public_host():
    """The host and port of the public address, as a Site record or a webcal link has it."""
    return urlsplit(settings.PUBLIC_BASE_URL).netloc


def keep_site_in_step():
    """Point the default Site record at the public address (idempotent): Wagtail's page
    URLs, previews and the admin's "view live" links then name the same host."""
    from wagtail.models import Site

    parts = urlsplit(settings.PUBLIC_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()  # not update(): saving clears Wagtail's cache of site root paths
