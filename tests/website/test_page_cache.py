import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from website.models import StandardPage

pytestmark = pytest.mark.django_db


def test_an_anonymous_page_is_served_again_without_touching_the_database(client, site_tree):
    first = client.get("/fr/a-propos/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/fr/a-propos/")
    assert again.content == first.content
    assert len(queries.captured_queries) == 0
    assert "unsafe-inline" not in again["Content-Security-Policy"]


def test_publishing_a_change_is_visible_at_once(client, site_tree):
    client.get("/fr/a-propos/")
    about = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    about.introduction = "Une introduction toute neuve."
    about.save_revision().publish()
    assert "Une introduction toute neuve." in client.get("/fr/a-propos/").content.decode()


def test_signed_in_editors_get_fresh_pages_and_never_fill_the_cache(client, admin_user, site_tree):
    client.force_login(admin_user)
    signed_in = client.get("/fr/a-propos/").content.decode()
    assert "wagtail-userbar" in signed_in or "w-userbar" in signed_in
    client.logout()
    anonymous = client.get("/fr/a-propos/").content.decode()
    assert "userbar" not in anonymous


def test_query_strings_are_cached_apart(client, site_tree):
    assert client.get("/fr/", {"a": "1"}).status_code == 200
    assert client.get("/fr/nope/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/nope/")
    assert len(queries.captured_queries) > 0, "error pages are not cached"


def test_an_editors_preview_shows_the_draft_not_the_page_kept_for_visitors(client, site_tree):
    client.get("/fr/a-propos/")  # kept for anonymous visitors
    about = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    about.introduction = "Un brouillon que seuls les éditeurs voient."
    preview = about.make_preview_request(RequestFactory().get("/admin/pages/"))
    assert "Un brouillon que seuls les éditeurs voient." in preview.content.decode()
    assert "Un brouillon" not in client.get("/fr/a-propos/").content.decode()
