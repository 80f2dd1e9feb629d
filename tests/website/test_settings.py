"""The environment decides every deployment choice; production refuses to start half-set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "p" * 20 + "-a-long-enough-production-key-for-the-test-" + "q" * 10,
    "DJANGO_ALLOWED_HOSTS": "migration-exchange.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "PUBLIC_BASE_URL": "https://migration-exchange.example.org",
    "DEFAULT_FROM_EMAIL": "South-South Migration Exchange <noreply@migration-exchange.example.org>",
}
CHOICES = """
import json
from django.conf import settings
print(json.dumps({
    "db": settings.DATABASES["default"]["ENGINE"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "cache": settings.CACHES["default"]["BACKEND"],
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
}))
"""


def run(settings_module, env, *args):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    for name in (
        "CELERY_BROKER_URL",
        "CACHE_URL",
        "EMAIL_HOST",
        "DEFAULT_FROM_EMAIL",
        "PUBLIC_BASE_URL",
        "ELASTICSEARCH_URL",
    ):
        clean.pop(name, None)
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_choices(env, settings_module="website.settings.production"):
    result = run(settings_module, {**PRODUCTION_ENV, **env}, "shell", "-c", CHOICES)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_needs_no_service_but_a_mail_server():
    assert settings_choices({}) == {
        "db": "django.db.backends.sqlite3",
        "search": "website.sqlite_search",
        "eager": True,
        "broker": "",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "email": "django.core.mail.backends.smtp.EmailBackend",
        "debug": False,
    }


def test_make_run_prints_mail_on_the_console_without_a_mail_server():
    choices = settings_choices({"EMAIL_HOST": ""}, settings_module="website.settings.dev")
    assert choices["email"] == "django.core.mail.backends.console.EmailBackend"


def test_postgresql_uses_wagtails_database_search_backend():
    choices = settings_choices({"DATABASE_URL": "postgres://ssme:secret@db.internal:5432/ssme"})
    assert choices["search"] == "wagtail.search.backends.database"


def test_services_are_chosen_by_environment_variables():
    choices = settings_choices(
        {
            "DATABASE_URL": "postgres://ssme:secret@db.internal:5432/ssme",
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "CELERY_BROKER_URL": "redis://cache.internal:6379/0",
            "CACHE_URL": "redis://cache.internal:6379/1",
            "EMAIL_HOST": "smtp.internal",
        }
    )
    assert choices == {
        "db": "django.db.backends.postgresql",
        "search": "website.elasticsearch_synonyms",  # Wagtail's, plus the synonyms
        "eager": False,
        "broker": "redis://cache.internal:6379/0",
        "cache": "website.resilient_cache.ResilientRedisCache",
        "email": "django.core.mail.backends.smtp.EmailBackend",
        "debug": False,
    }


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "EMAIL_HOST", "PUBLIC_BASE_URL"]
)
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    result = run("website.settings.production", env, "check")
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_production_rejects_a_short_secret_key():
    result = run(
        "website.settings.production", {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": "short"}, "check"
    )
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


@pytest.mark.parametrize("sender", [None, "noreply@localhost", "Exchange <noreply@mail.localhost>"])
def test_production_refuses_to_send_from_localhost(sender):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != "DEFAULT_FROM_EMAIL"}
    if sender:
        env["DEFAULT_FROM_EMAIL"] = sender
    result = run("website.settings.production", env, "check")
    assert result.returncode != 0
    assert "DEFAULT_FROM_EMAIL must be a real sender address" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run(
        "website.settings.production",
        PRODUCTION_ENV,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
