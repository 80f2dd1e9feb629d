import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Locale

from demo import site as demo
from demo.site import ensure_translation, publish_child
from events.models import EventIndexPage
from exchange.models import PolicyLibraryPage
from practices.models import PracticeIndexPage
from practices.taxonomy import Organisation, SDGTarget, TargetGroup, Theme
from tests.factories import at, make_event, term
from tests.services import REFUSED, redis_answers, redis_cache, require, use_broker
from website.celery import app
from website.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the site tree every page test starts from (`demo.seed`:
    home, about and data-protection pages in fr, en and ar, settings, footer), committed
    once instead of built again in each test's transaction: 1.4 s a test, a third of the
    suite. Tests that flush the database restore it with the rest (serialized_rollback)."""
    with django_db_blocker.unblock():
        demo.seed()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The whole demo (`seed_demo`), seeded once for a module whose tests only read it.

    It lives in a transaction that is rolled back after the module; each test runs in a
    savepoint inside it. Seeding takes tens of seconds: once per module, not per test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site_tree(db):
    """The demo tree: a French home page with English and Arabic translations (seeded
    with the test database, see `django_db_setup`: this only finds it)."""
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
def policy_library(site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    library = publish_child(
        home, PolicyLibraryPage(title="Documents de politique", slug="documents")
    )
    ensure_translation(library, "en", {"title": "Policy documents", "slug": "documents"})
    return library


@pytest.fixture
def calendar_page(site_tree, taxonomy):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(home, EventIndexPage(title="Agenda", slug="agenda"))
    ensure_translation(index, "en", {"title": "Calendar", "slug": "calendar"})
    return index


@pytest.fixture
def forum(calendar_page):
    """A forum in Rabat in 2027 taking registrations now, in French, English and Arabic."""
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    event = make_event(
        calendar_page,
        "Forum de Rabat sur la diaspora",
        at(2027, 2, 24, 9, 30),
        end=at(2027, 2, 24, 17),
        venue="Centre de conférences",
        city="Rabat",
        country="MA",
        interpretation_languages=["fr", "ar"],
        registration_enabled=True,
        registration_opens_at=timezone.now() - timedelta(days=1),
        capacity=3,
        registration_questions=["organisation", "interpretation", "invitation_letter"],
    )
    for code, title, slug in [
        ("en", "Rabat forum on the diaspora", "rabat-forum"),
        ("ar", "منتدى الرباط حول الجالية", "muntada-ar-ribat"),
    ]:
        parent = EventIndexPage.objects.get(locale__language_code=code)
        assert parent.translation_key == calendar_page.translation_key
        ensure_translation(event, code, {"title": title, "slug": slug})
    return event


@pytest.fixture
def broker(settings):
    """The Redis broker at TEST_REDIS_URL, which the Celery app uses instead of running
    tasks in-process until the test ends."""
    url = os.environ.get("TEST_REDIS_URL", "")
    require(url and redis_answers(url), "A Redis broker at TEST_REDIS_URL")
    previous = app.conf.broker_url, app.conf.task_always_eager
    use_broker(url, eager=False)
    yield url
    use_broker(*previous)


@pytest.fixture
def redis_and_broker_down(settings):
    """Production's Redis cache and broker, both refusing connections."""
    redis_cache(settings, REFUSED)
    previous = app.conf.broker_url, app.conf.task_always_eager
    use_broker(REFUSED, eager=False)
    yield
    use_broker(*previous)


@pytest.fixture
def broker_and_mail_server_down(settings):
    previous = app.conf.broker_url, app.conf.task_always_eager
    use_broker("redis://127.0.0.1:9/0", eager=False)  # nothing listens on port 9
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    yield
    use_broker(*previous)
