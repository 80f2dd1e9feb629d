"""The reference for bench/side_by_side.py: a bare Django project, as `startproject` makes
it, with one view rendering a small page through a template. Settings, URLs and the WSGI
application in one module:

    DJANGO_SETTINGS_MODULE=bare_django gunicorn --chdir bench bare_django
"""

import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application
from django.shortcuts import render
from django.urls import path

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
# Never opened: the page reads no session and no user.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = True


def page(request):
    items = [f"Item {number}" for number in range(1, 11)]
    return render(request, "bare_page.html", {"title": "Bare Django", "items": items})


urlpatterns = [path("", page)]

application = get_wsgi_application()
