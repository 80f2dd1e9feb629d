"""Searching through Wagtail's search API with a fallback: if the configured backend
(Elasticsearch or OpenSearch) does not answer, the database backend that Wagtail keeps
up to date beside it ("fallback" in WAGTAILSEARCH_BACKENDS) answers instead. The visitor
sees results; operators see a warning in the log."""

import logging
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend

from .search_fields import ANALYZERS

logger = logging.getLogger(__name__)
OUTAGES = (TransportError, ApiError, ConnectionError, OSError)
RETRY_AFTER_SECONDS = 30


def backend_names():
    return [name for name in ("default", "fallback") if name in settings.WAGTAILSEARCH_BACKENDS]


def backend(name):
    """The backend object for `name`. Made once per configuration and process: an
    Elasticsearch backend builds an HTTP client, which a page of five searches would
    otherwise build five times."""
    return _backend(name, repr(settings.WAGTAILSEARCH_BACKENDS.get(name)))


@lru_cache(maxsize=8)
def _backend(name, configuration):
    return get_search_backend(name)


def search_ids(queryset, words, limit, language=None):
    """Primary keys of `queryset` matching every word, best first."""
    if not words:
        return []
    for name in backend_names():
        if cache.get(f"search-backend-down:{name}"):
            continue
        chosen = backend(name)
        try:
            results = chosen.search(
                " ".join(words),
                queryset.only("pk"),
                operator="and",
                order_by_relevance=True,
                **_fields(chosen, language),
            )
            return [item.pk for item in results[:limit]]
        except OUTAGES as error:
            logger.warning("Search backend %r failed (%s); trying the next one", name, error)
            if name != backend_names()[-1]:
                # Skip it for a while rather than wait for it on every search.
                cache.set(f"search-backend-down:{name}", True, RETRY_AFTER_SECONDS)
    return []


def server_search(queryset, words, limit, language=None):
    """(primary key, score) of the objects of `queryset` with any of the words, best
    first, from the search server; None if it does not answer (the caller then asks the
    site's own index, website/text_search.py)."""
    if cache.get("search-backend-down:default"):
        return None
    server = backend("default")
    try:
        results = server.search(
            " ".join(words),
            queryset.only("pk"),
            operator="or",
            order_by_relevance=True,
            **_fields(server, language),
        ).annotate_score("_score")
        return [(item.pk, item._score) for item in results[:limit]]
    except OUTAGES as error:
        logger.warning("The search server failed (%s); the site's own index answers", error)
        cache.set("search-backend-down:default", True, RETRY_AFTER_SECONDS)
        return None


def is_search_server(backend):
    """Elasticsearch or OpenSearch, as opposed to the database backends."""
    module = type(backend).__module__
    return "elasticsearch" in module or "opensearch" in module


def default_is_search_server():
    return is_search_server(backend("default"))


def _fields(backend, language):
    """On Elasticsearch, the object's text in its own language's analyser, the folded
    text and the title; the database backends search every field of the index."""
    if not is_search_server(backend):
        return {}
    fields = ["title", "folded_text"]
    fields += [f"text_{code}" for code in ANALYZERS if language in (None, code)]
    return {"fields": fields}
