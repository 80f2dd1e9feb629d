"""Pages that carry a form token or someone's personal data: rendered in the page's
chrome, never stored by the whole-page cache or by any cache on the way."""

from django.utils.cache import add_never_cache_headers


def render_private(request, page, template, context=None, status=200):
    response = page.render(request, template=template, context_overrides=context or {})
    response.status_code = status
    add_never_cache_headers(response)
    return response
