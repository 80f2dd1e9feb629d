"""Production: HTTPS behind a reverse proxy, secrets and hosts from the environment.

Refuses to start when a required variable is missing, naming the variable.
"""

from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DEFAULT_FROM_EMAIL, EMAIL_HOST, SECRET_KEY, env, env_bool

# Without EMAIL_HOST, e-mail would be printed to the log, confirmation links and all,
# while every visitor is told it was sent.
for name, value in (
    ("DJANGO_SECRET_KEY", SECRET_KEY),
    ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
    ("EMAIL_HOST", EMAIL_HOST),
    # Every link in an e-mail, feed or sitemap would lead to the development address.
    ("PUBLIC_BASE_URL", env("PUBLIC_BASE_URL")),
):
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set: production settings refuse to start without it."
        )
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")
# Mail from an address at localhost is refused or binned by the recipients' servers.
_sender_domain = parseaddr(DEFAULT_FROM_EMAIL)[1].rpartition("@")[2].lower()
if "." not in _sender_domain or _sender_domain.endswith(".localhost"):
    raise ImproperlyConfigured(
        f"DEFAULT_FROM_EMAIL must be a real sender address, not {DEFAULT_FROM_EMAIL!r}."
    )

# The reverse proxy terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Production runs behind the reverse proxy described in the README: one trusted hop
# unless DJANGO_PROXY_COUNT says otherwise (0 if gunicorn faces the internet directly).
TRUSTED_PROXY_COUNT = int(env("DJANGO_PROXY_COUNT", "1"))
