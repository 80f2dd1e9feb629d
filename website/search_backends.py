"""The search server (Elasticsearch or OpenSearch) through Wagtail's search API, when
one is configured. If it does not answer, the site's own index answers instead
(website/text_search.py) and the server is left alone for a while: the visitor sees
results; operators see a warning in the log."""

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


def backend(name):
    """The backend object for `name`. Made once per configuration and process: an
    Elasticsearch backend builds an HTTP client, which a page of five searches would
    otherwise build five times."""
    return _backend(name, repr(settings.WAGTAILSEARCH_BACKENDS.get(name)))


@lru_cache(maxsize=8)
def _backend(name, configuration):
    return get_search_backend(name)


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
