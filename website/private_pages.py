"""Pages that carry a form token or someone's personal data: rendered in the chrome of the
page they belong to, never stored by the whole-page cache or by any cache on the way.

Forms live in each app's urls.py, by the id of that page: `served_within` finds the live
page in the URL's language and runs Wagtail's own checks before serving it (the request
method, a password or a login), so the form is guarded exactly as its page is."""

from functools import wraps

from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from wagtail import hooks


def render_private(request, page, template, context=None, status=200):
    response = page.render(request, template=template, context_overrides=context or {})
    response.status_code = status
    add_never_cache_headers(response)
    return response


def served_within(model):
    """Decorate `view(request, page, **kwargs)` to be routed as `view(request, page_id, ...)`
    for a live `model` page of the URL's language; anything else is not found."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, page_id, **kwargs):
            page = _live_page(model, page_id)
            return _serve(request, page, lambda: view(request, page, **kwargs))

        return wrapper

    return decorate


def _live_page(model, page_id):
    pages = model.objects.live().filter(pk=page_id, locale__language_code=get_language())
    page = pages.select_related("locale").first()
    if page is None:
        raise Http404
    return page


def _serve(request, page, respond):
    for check in hooks.get_hooks("before_serve_page"):
        result = check(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result

    def serve(page, request, args, kwargs):
        return respond()

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    return serve(page, request, (), {})
