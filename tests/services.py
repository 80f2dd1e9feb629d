"""The outside services some tests need (Redis, Chromium, PostgreSQL…), and the Celery
app's connection to its broker."""

import os

import pytest
import redis

from website.celery import app


def require(condition, what):
    """Skip a test whose service is missing on a developer's machine; fail it in CI."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI but is not available.")
    pytest.skip(f"{what} is not available on this machine.")


def redis_answers(url):
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def use_broker(url, eager):
    """Point the app at another broker, dropping the connections it holds to the old one."""
    app.conf.update(broker_url=url, task_always_eager=eager)
    app._pool = None
    app.amqp._producer_pool = None


REFUSED = "redis://127.0.0.1:9/0"  # nothing listens on port 9


def redis_cache(settings, url):
    """The production cache backend, on the Redis server at `url`."""
    settings.CACHES = {
        "default": {
            "BACKEND": "website.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
