"""Settings shared by every environment.

Safe for production by default (DEBUG off). Every deployment choice is read from the
environment here and nowhere else; when a variable is unset the embedded default
applies (SQLite, database search, eager Celery, local-memory cache, console e-mail).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "website"


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "practices",
    "events",
    "registrations",
    "exchange",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "website.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and page routing: a calendar client's 304 needs neither.
    "events.revalidation.CalendarRevalidationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is set: an outage met here is a 503 in the reader's language.
    "website.page_routing.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "website.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.security_headers.AdminFramingMiddleware",
    "website.security_headers.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login attempt is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL names another (postgres://user:pass@host/db).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers queue for the lock at BEGIN instead of failing half-way through: the seat
    # count a registration reads cannot change before it commits.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL names a Redis server.
CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            # Redis down means pages served uncached, never errors (website/resilient_cache.py).
            "BACKEND": "website.resilient_cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # The default 300 entries would evict the per-event iCal entries of a calendar.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Celery: with no broker configured, tasks run eagerly inside the web process, so the
# embedded default needs no Redis. With CELERY_BROKER_URL set, workers do the work.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# An eager task's failure (say, the mail server is down) is logged and retried, never
# raised into the request that queued it: the user's data is already saved by then.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# Periodic work, run by `celery beat` (make beat).
CELERY_BEAT_SCHEDULE = {
    "resend-unsent-mail": {"task": "website.tasks.resend_unsent_mail", "schedule": 300},
    "registration-reminders": {
        "task": "registrations.tasks.send_due_reminders",
        "schedule": 3600,
    },
    "registration-approval-notices": {
        "task": "registrations.tasks.send_approval_notices",
        "schedule": 3600,
    },
    "registration-anonymisation": {
        "task": "registrations.tasks.anonymise_past_registrations",
        "schedule": 86400,
    },
    "exchange-request-anonymisation": {
        "task": "exchange.tasks.anonymise_closed_requests",
        "schedule": 86400,
    },
    "search-counts": {"task": "search.tasks.flush_search_counts", "schedule": 60},
}
# A stored message still unsent after this many minutes is sent by the periodic sweep.
MAIL_RESEND_AFTER_MINUTES = int(env("MAIL_RESEND_AFTER_MINUTES", "10"))

# Forum registration.
# The link in the first e-mail, which proves the address, expires after these hours.
REGISTRATION_CONFIRM_LINK_HOURS = int(env("REGISTRATION_CONFIRM_LINK_HOURS", "72"))
# Participants' personal data are anonymised this many days after their event ends.
REGISTRATION_RETENTION_DAYS = int(env("REGISTRATION_RETENTION_DAYS", "90"))
# Form submissions accepted per hour from one network address and for one e-mail address.
REGISTRATION_SUBMISSIONS_PER_ADDRESS = int(env("REGISTRATION_SUBMISSIONS_PER_ADDRESS", "30"))
REGISTRATION_SUBMISSIONS_PER_EMAIL = int(env("REGISTRATION_SUBMISSIONS_PER_EMAIL", "5"))

# Exchange requests: the requester's personal data are anonymised this many days after
# the request is closed.
EXCHANGE_REQUEST_RETENTION_DAYS = int(env("EXCHANGE_REQUEST_RETENTION_DAYS", "365"))

# E-mail: printed on the console unless EMAIL_HOST names an SMTP server.
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "South-South Migration Exchange <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) unless an
# Elasticsearch or OpenSearch URL is given. Then the database index is kept up to date
# beside it as "fallback", which answers when the search server does not
# (website/search_backends.py).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASE_SEARCH = {"BACKEND": "website.sqlite_search"}
else:
    DATABASE_SEARCH = {"BACKEND": "wagtail.search.backends.database"}
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's backend, with the editors' synonyms in the search analysers.
            "BACKEND": "website.elasticsearch_synonyms",
            "SERVER": env("ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "ssme") + "_",
            "TIMEOUT": 5,
            # Rebuilds fill a new index and swap the alias: searches never see it empty.
            "ATOMIC_REBUILD": True,
        },
        "fallback": DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}

# Search pages one network address may load per minute (a person reads far fewer; a
# robot that fetches more costs a full-text query each time).
SEARCH_REQUESTS_PER_MINUTE = int(env("SEARCH_REQUESTS_PER_MINUTE", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin logins: five failures for one username from one address lock that pair out
# for an hour (django-axes answers 429 meanwhile).
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "website/lockout.html"
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy's address: the limits above
# and the form and search limits key on the visitor's address that the trusted proxies
# pass in X-Forwarded-For instead (website/client_address.py). 0: no proxy, the header is
# ignored, since anyone could write it.
TRUSTED_PROXY_COUNT = int(env("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "website.client_address.client_address"

# Languages: French is the source locale; English and Arabic are translations.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# What Django's own locale formats leave out (Arabic date-times and typed dates).
FORMAT_MODULE_PATH = ["website.formats"]
LANGUAGE_COOKIE_NAME = "ssme_language"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Shown on the admin dashboard ("Welcome to the … Wagtail CMS") in the editor's language.
WAGTAIL_SITE_NAME = _("South–South Migration Exchange")
# The public address (scheme, host, port) every absolute link starts with: e-mails, feeds,
# calendars, sitemaps, exports (website/public_url.py); the admin's links too.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx"]
WAGTAILDOCS_DOCUMENT_MODEL = "exchange.PolicyDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "exchange.forms.PolicyDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A page goes live only after a moderator approves it.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILLOCALIZE_JQUERY_INCLUDED = False
# A new translation of a live page stays a draft until a moderator publishes it
# (wagtail-localize would publish it at once, still in French).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Security headers that hold in every environment; production adds HTTPS-only ones.
# The admin is framed by itself and the public site by nobody (website/security_headers.py).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Browser features no page of the site uses, refused to every page (Permissions-Policy).
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
]

# Content-Security-Policy for the public site: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# The Wagtail admin: its templates and editors set inline styles, its date and time
# widgets start with inline scripts (initDateTimeChooser, whose text varies with the
# field and the editor's language, so no fixed hash fits), and the page preview is a
# same-origin frame. Nothing is loaded from another origin.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Nothing in the admin calls a third party: avatars from gravatar.com and the check for
# new Wagtail releases would tell others who works in the admin and when.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"hide_link_tokens": {"()": "website.log_redaction.HideLinkTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "website": {"level": env("LOG_LEVEL", "INFO")},
        # Django logs the path of each error response: registration links carry a token.
        "django.request": {"filters": ["hide_link_tokens"]},
    },
}
