"""Served under another host than the one requests arrive on, every absolute link the
site writes (e-mails, feeds, calendars, sitemaps, exports, alternates) names the
configured public address and never `localhost`."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from demo import site as demo
from registrations.approvals import notify_managers
from registrations.models import Registration
from tests.factories import at, make_document, make_event, make_practice
from tests.mailbox import path_of
from tests.registering import submit

pytestmark = pytest.mark.django_db

PUBLIC = "https://exchange.example.org"
URL = re.compile(r"(?:https?|webcal)://[^\s\"'<>]+")
# Addresses of vocabularies the feeds and sitemaps declare, not links into the site.
VOCABULARIES = ("http://www.w3.org/", "http://www.sitemaps.org/", "https://schema.org")


@pytest.fixture
def public_address(settings, client, site_tree):
    """The public address is PUBLIC; the Site record still names Wagtail's placeholder
    host and requests come in as http://localhost (a proxy in front, say)."""
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    client.defaults["HTTP_HOST"] = "localhost"
    return PUBLIC


def links_in(text):
    """The absolute links of a text, with the public address checked on each."""
    links = [url for url in URL.findall(text) if not url.startswith(VOCABULARIES)]
    strays = [url for url in links if not url.replace("webcal://", "https://").startswith(PUBLIC)]
    assert not strays, f"links off the public address: {strays}"
    assert "localhost" not in text
    return links


def test_feeds_calendars_sitemaps_exports_and_alternates_name_the_public_address(
    client, public_address, library, calendar_page, policy_library
):
    make_practice(library, "Guichet unique de Rabat", countries=["MA"])
    make_event(calendar_page, "Forum de Dakar", at(2030, 5, 4), countries=["SN"])
    make_document("Stratégie nationale", adoption_date=date(2024, 1, 5), summary="Texte.")
    pages = {
        "/fr/bonnes-pratiques/": 1,
        "/fr/bonnes-pratiques/feed/rss/": 2,
        "/fr/bonnes-pratiques/feed/atom/?country=MA": 3,
        "/fr/bonnes-pratiques/export/csv/": 1,
        "/fr/bonnes-pratiques/export/json/": 1,
        "/fr/agenda/": 2,  # two alternates and the webcal subscription
        "/fr/agenda/feed/rss/": 2,
        "/fr/agenda/feed/atom/": 3,
        "/fr/agenda/ical/": 1,
        "/fr/agenda/export/csv/": 1,
        "/fr/agenda/export/json/": 1,
        "/fr/documents/export/csv/": 1,
        "/fr/documents/export/json/": 2,  # the document's page and its file
        "/fr/documents/feed/rss/": 2,
        "/fr/documents/feed/atom/": 3,
        "/sitemap.xml": 3,
        "/fr/sitemap.xml": 4,
        "/robots.txt": 1,
    }
    for path, at_least in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert len(links_in(text)) >= at_least, (path, text[:3000])
    ical = client.get("/fr/agenda/ical/").content.decode()
    assert f"URL:{PUBLIC}/fr/agenda/forum-de-dakar/" in ical.replace("\r\n ", "")


def test_participant_and_organiser_mails_link_to_the_public_address(
    client, public_address, forum, django_capture_on_commit_callbacks, django_user_model
):
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, forum, "ar").status_code == 303
    confirm_address = mail.outbox[-1]
    links = links_in(confirm_address.body)
    assert f"{PUBLIC}/ar/ajenda/muntada-ar-ribat/" in links  # the event's page
    confirm = next(url for url in links if url.endswith("/confirm/"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(confirm))
    confirmed = mail.outbox[-1]
    assert any("/registration/" in url for url in links_in(confirmed.body))
    (_name, calendar_file, _type) = confirmed.attachments[0]
    assert f"URL:{PUBLIC}/ar/" in calendar_file.replace("\r\n ", "")
    assert Registration.objects.get().status == "confirmed"


def test_a_managers_notice_links_to_the_admin_at_the_public_address(
    public_address, forum, django_capture_on_commit_callbacks, django_user_model
):
    manager = django_user_model.objects.create_user("org", "org@example.org", "x")
    forum.registration_managers.add(manager)
    forum.registrations.create(
        full_name="A B",
        email="a@example.org",
        status="pending_approval",
        language="fr",
        consented_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_managers(forum) == 1
    assert f"{PUBLIC}/admin/" in " ".join(links_in(mail.outbox[-1].body))


def test_migrate_and_seed_keep_the_site_record_at_the_public_address(settings, site_tree):
    settings.PUBLIC_BASE_URL = "https://exchange.example.org"
    demo.seed()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "exchange.example.org",
        443,
        "https://exchange.example.org",
    )
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0)
    demo.seed()
    site.refresh_from_db()
    assert (site.hostname, site.port, Site.objects.count()) == ("127.0.0.1", 8000, 1)
