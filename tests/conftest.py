import os

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage
from practices.models import PracticeIndexPage
from practices.taxonomy import Organisation, SDGTarget, TargetGroup, Theme
from tests.practices.conftest import term
from website import demo
from website.demo import ensure_translation, publish_child
from website.models import HomePage


def require(condition, what):
    """Skip a test whose service is missing on a developer's machine; fail it in CI."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI but is not available.")
    pytest.skip(f"{what} is not available on this machine.")


@pytest.fixture
def site_tree(db):
    """The demo tree: a French home page with English and Arabic translations."""
    return demo.seed()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def session_client(client, settings, db):
    """A visitor with a session, whom the whole-page cache never serves: query counts
    then measure building the page, not reading it back from the cache."""
    session = client.session
    session["visited"] = True
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a rolled-back database leaves it stale."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def taxonomy(db):
    return {
        "diaspora": term(Theme, "diaspora", "Diaspora", "Diaspora", "الجالية"),
        "integration": term(Theme, "integration", "Intégration", "Integration", "الإدماج"),
        "health": term(Theme, "health", "Santé", "Health", "الصحة"),
        "youth": term(TargetGroup, "youth", "Jeunes", "Youth", "الشباب"),
        "10.7": term(SDGTarget, "10.7", "Migrations ordonnées", "Orderly migration", "هجرة منظمة"),
        "iom": term(
            Organisation,
            "iom",
            "Organisation internationale pour les migrations",
            "International Organization for Migration",
            acronym="OIM",
            kind="international",
        ),
        "giz": term(Organisation, "giz", "GIZ", "GIZ", acronym="GIZ", kind="development_agency"),
        "eu": term(Organisation, "eu", "Union européenne", "European Union", kind="donor"),
    }


@pytest.fixture
def library(site_tree, taxonomy):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(
        home, PracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques")
    )
    ensure_translation(index, "en", {"title": "Good practices", "slug": "good-practices"})
    return index


@pytest.fixture
def calendar_page(site_tree, taxonomy):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(home, EventIndexPage(title="Agenda", slug="agenda"))
    ensure_translation(index, "en", {"title": "Calendar", "slug": "calendar"})
    return index
