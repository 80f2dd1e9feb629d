"""The Redis cache as an optimisation the site can lose: when Redis is unreachable,
reads miss, writes are dropped and counters refuse, so pages are built uncached, limits
are skipped (website/throttle.py) and nothing a person submits depends on it.

After a failure the cache is left alone for `RETRY_SECONDS`: a hung server would
otherwise cost a socket timeout on every one of the dozens of cache calls a page makes.
The outage is logged when it starts, at most once a minute.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
LOG_EVERY_SECONDS = 60


class CacheUnavailable(RuntimeError):
    """Raised by counters only: a count that cannot be read must not pass for zero."""


class ResilientRedisCache(RedisCache):
    """`CACHES["default"]` in production: Django's Redis cache, minus its outages."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._logged_at = -LOG_EVERY_SECONDS

    def _guard(self, call, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return self._fallback(fallback)
        try:
            return call(*args, **kwargs)
        except RedisError as error:
            self._went_down(error)
            return self._fallback(fallback)

    @staticmethod
    def _fallback(fallback):
        if isinstance(fallback, type) and issubclass(fallback, Exception):
            raise fallback("The cache is unreachable.")
        return fallback

    def _went_down(self, error):
        now = time.monotonic()
        self._down_until = now + RETRY_SECONDS
        if now - self._logged_at >= LOG_EVERY_SECONDS:
            self._logged_at = now
            logger.warning(
                "Cache unreachable (%s): pages are served uncached and rate limits are "
                "skipped until it answers again.",
                error,
            )

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard(super().incr, CacheUnavailable, key, delta, version)

    def clear(self):
        return self._guard(super().clear, False)
