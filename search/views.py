"""The search page and the title suggestions of the search box."""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale

from website.query_params import text
from website.search_text import fold
from website.throttle import visitor_allowed

from .site_search import parse, run
from .suggestions import suggest_titles

SUGGESTIONS_PER_MINUTE = 120
MAX_PREFIX_LENGTH = 100


@require_GET
def search_page(request):
    if not visitor_allowed(request, "search", settings.SEARCH_REQUESTS_PER_MINUTE, 60):
        return too_many_searches(request)
    locale = Locale.get_active()
    state = parse(request.GET, locale)  # a page number past the last one shown is a 404
    context = {"state": state, "searched": bool(state.words)}
    if state.words:
        context["listing"] = run(locale, state)
        context["promotions"] = promotions(state.q, locale)
    response = TemplateResponse(request, "search/search.html", context)
    # Each search is counted (search/search_counts.py), so none is answered by a cache.
    patch_cache_control(response, private=True, max_age=0)
    return response


def too_many_searches(request):
    """The search page without results, saying why, for a visitor over the limit."""
    params = request.GET.copy()
    params.pop("page", None)  # the only part that can fail to parse
    context = {"state": parse(params, Locale.get_active()), "searched": False, "throttled": True}
    response = TemplateResponse(request, "search/search.html", context, status=429)
    patch_cache_control(response, private=True, max_age=0)
    return response


def promotions(q, locale):
    """Results that editors pinned for this query (Wagtail's search promotions)."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(q))
        .filter(page__locale=locale, page__live=True)
        .select_related("page")
        .order_by("sort_order")
    )


@require_GET
def suggestions(request):
    if not visitor_allowed(request, "search-suggest", SUGGESTIONS_PER_MINUTE, 60):
        message = _("Too many requests: try again in a minute.")
        return JsonResponse({"error": str(message), "suggestions": []}, status=429)
    prefix = fold(text(request.GET.get("q"), MAX_PREFIX_LENGTH)).strip()
    titles = suggest_titles(prefix, Locale.get_active()) if len(prefix) >= 2 else []
    response = JsonResponse({"suggestions": titles})
    response["Cache-Control"] = "public, max-age=300"
    return response
