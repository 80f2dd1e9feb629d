"""Named versions for cached data: bump one and every key built on it is stale.

Cheaper and safer than finding and deleting keys: readers put the version in the key,
writers (signal handlers) bump it when the data changes. A version is a fresh token,
never a counter, so that an emptied cache cannot bring an old version back to life in
a process that kept data under it (see website/listing.py).
"""

import uuid

from django.core.cache import cache

# The versions every cached page and listing depends on, and who bumps them.
PAGES_VERSION = "pages"  # any page or site setting (website/signals.py)
TAXONOMY_VERSION = "taxonomy"  # themes, target groups, SDG targets (practices/signals.py)
DOCUMENTS_VERSION = "documents"  # policy documents (exchange/signals.py, extraction.py)
SYNONYMS_VERSION = "synonyms"  # the editors' search synonyms (website/signals.py)
# Search results depend on the synonyms too: a cached results page must not outlive them.
CONTENT_VERSIONS = (PAGES_VERSION, TAXONOMY_VERSION, DOCUMENTS_VERSION, SYNONYMS_VERSION)


def version(name):
    return cache.get_or_set(f"version:{name}", uuid.uuid4().hex, None)


def bump(name):
    cache.set(f"version:{name}", uuid.uuid4().hex, None)


def cached(name, key, compute, timeout=300):
    """`compute()` cached under `key` until `name` is bumped (or `timeout` passes)."""
    full_key = f"{name}:{version(name)}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
