"""Searches are counted in the cache and added to the report (SearchTerm) in batches.

A search writes nothing to the database: it adds to counters kept in the cache under the
current minute. `flush` adds every finished minute to the report; Celery beat runs it
every minute, and the report runs it when an editor opens it (the embedded default has
no beat). Without a cache the search is simply not counted, with a log line: the report
is a hint for editors, never a reason to refuse a search.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from website.resilient_cache import CacheUnavailable

from .models import SearchTerm

logger = logging.getLogger(__name__)

SLOT_SECONDS = 60
# A minute not flushed within a day (no beat, no editor opening the report) is dropped.
KEEP_SECONDS = 24 * 3600
LOCK_KEY = "search-counts:flushing"


def count_search(query, language, results, **_signal):
    """Count one search of `query` in `language` that found `results` items: every list's
    first page of results for words (`website.listing.searched`)."""
    query = query[:200]
    prefix = f"search-counts:{_slot(time.time())}"
    term = f"{prefix}:{hashlib.sha256(f'{language}|{query}'.encode()).hexdigest()[:24]}"
    try:
        if cache.add(f"{term}:term", (query, language), KEEP_SECONDS):
            position = _increment(f"{prefix}:terms")
            cache.set(f"{prefix}:term:{position}", term, KEEP_SECONDS)
        cache.set(f"{term}:last", (results, timezone.now()), KEEP_SECONDS)
        _increment(f"{term}:searches")
        if not results:
            _increment(f"{term}:empty")
    except CacheUnavailable:
        pass  # the search goes uncounted; the cache logs its outage once a minute


def flush(now=None):
    """Add the counts of every finished minute to the report; returns the searches added.

    The minute just ended is left for the next run: a search that began before it ended
    may still be adding to it.
    """
    current = _slot(time.time() if now is None else now)
    try:
        if not cache.add(LOCK_KEY, True, 300):
            return 0  # another flush is at work
        try:
            slots = range(current - KEEP_SECONDS // SLOT_SECONDS, current - 1)
            sizes = cache.get_many([f"search-counts:{slot}:terms" for slot in slots])
            return sum(_flush_slot(key.removesuffix(":terms"), n) for key, n in sizes.items())
        finally:
            cache.delete(LOCK_KEY)
    except Exception:  # noqa: BLE001 - the counts stay in the cache for the next run
        logger.warning("Search counts cache unavailable; the report was not updated")
        return 0


def _flush_slot(prefix, size):
    positions = [f"{prefix}:term:{position}" for position in range(1, size + 1)]
    terms = list(cache.get_many(positions).values())
    fields = [
        f"{term}:{field}" for term in terms for field in ("term", "last", "searches", "empty")
    ]
    values = cache.get_many(fields)
    added = 0
    with transaction.atomic():
        for term in terms:
            if f"{term}:term" not in values or f"{term}:last" not in values:
                continue  # evicted from the cache
            query, language = values[f"{term}:term"]
            last_results, last_searched = values[f"{term}:last"]
            searches = values.get(f"{term}:searches", 0)
            SearchTerm.add(
                query,
                language,
                searches=searches,
                without_results=values.get(f"{term}:empty", 0),
                last_results=last_results,
                last_searched=last_searched,
            )
            added += searches
    cache.delete_many([f"{prefix}:terms", *positions, *fields])
    return added


def _slot(timestamp):
    return int(timestamp // SLOT_SECONDS)


def _increment(key):
    """Add one to a counter that expires with its minute's other keys."""
    try:
        return cache.incr(key)
    except ValueError:  # not there yet
        if cache.add(key, 1, KEEP_SECONDS):
            return 1
        return cache.incr(key)
