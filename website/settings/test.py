"""pytest settings: the same choices as base, made fast and observable."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = "test-only-key-" + "t" * 40  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"
# Tasks run in-process unless a test starts a real worker (tests/website/test_celery_worker.py).
CELERY_BROKER_URL = env("TEST_REDIS_URL") or "memory://"
CELERY_TASK_ALWAYS_EAGER = True
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the apps in place of a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates that exist only for tests (a sample message for the mail machinery).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# Threads (live server, in-process Celery worker) must not keep connections that would
# block dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
