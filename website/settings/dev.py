"""Local development: `make run`. Debug pages, a throwaway key, local hosts only."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = True


def _local_secret_key():
    """A key made once per checkout and kept out of git, so none is ever committed."""
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env("DJANGO_SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Serve static files straight from the apps in place of a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
