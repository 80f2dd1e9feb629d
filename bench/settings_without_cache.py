"""Production settings with no cache at all, for bench/side_by_side.py's cold rows: each
request builds everything it needs from the database."""

from bench.settings_without_page_cache import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
