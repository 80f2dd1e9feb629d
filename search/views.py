"""The search page and the title suggestions of the search box."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale

from website.search_text import fold
from website.throttle import visitor_allowed

from .models import SearchTerm
from .site_search import PageOutOfRange, parse_state, run
from .suggestions import suggest_titles

SUGGESTIONS_PER_MINUTE = 120


@require_GET
def search_page(request):
    try:
        state = parse_state(request.GET)
    except PageOutOfRange as error:
        raise Http404 from error
    locale = Locale.get_active()
    context = {"state": state, "searched": bool(state.words)}
    if state.words:
        context.update(run(state, locale))
        context["promotions"] = promotions(state.q, locale)
        if state.page == 1:
            SearchTerm.record(" ".join(state.words), locale.language_code, context["total"])
    response = TemplateResponse(request, "search/search.html", context)
    # Each search is counted (search/models.py), so none is answered by the page cache.
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
    prefix = fold(request.GET.get("q", "")[:100]).strip()
    titles = suggest_titles(prefix, Locale.get_active()) if len(prefix) >= 2 else []
    response = JsonResponse({"suggestions": titles})
    response["Cache-Control"] = "public, max-age=300"
    return response
