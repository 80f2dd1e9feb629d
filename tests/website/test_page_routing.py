"""A page's address is found once until a page changes, and what was found never
outlives what makes it true: a publication, a move, a restriction."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from website.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached_pages(settings):
    """Without the whole-page cache, as for an editor, a participant or a first visit."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "page_cache" not in name]


def sql_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_page_found_before_needs_no_site_lookup_and_no_walk_down_the_tree(
    client, site_tree, uncached_pages
):
    first, first_sql = sql_of(client, "/fr/a-propos/")
    again, again_sql = sql_of(client, "/fr/a-propos/")
    assert again.status_code == first.status_code == 200
    assert again.content == first.content
    assert not any("wagtailcore_site" in sql for sql in again_sql)
    assert len(again_sql) < len(first_sql)


def test_the_same_address_in_another_language_is_its_own_page(client, site_tree, uncached_pages):
    client.get("/fr/")
    assert 'lang="en"' in client.get("/en/").content.decode()
    assert 'lang="ar"' in client.get("/ar/").content.decode()


def test_an_unpublished_page_is_gone_at_once(client, site_tree, uncached_pages):
    client.get("/fr/a-propos/")
    StandardPage.objects.get(locale__language_code="fr", slug="a-propos").unpublish()
    assert client.get("/fr/a-propos/").status_code == 404


def test_a_renamed_address_moves_the_page(client, site_tree, uncached_pages):
    client.get("/fr/a-propos/")
    about = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    about.slug = "qui-sommes-nous"
    about.save_revision().publish()
    assert client.get("/fr/a-propos/").status_code == 404
    assert client.get("/fr/qui-sommes-nous/").status_code == 200


def test_a_page_restricted_after_a_visit_is_no_longer_shown_to_anyone(client, site_tree):
    """Restricting a page saves no page: the kept copy and the kept route must go too."""
    public = client.get("/fr/a-propos/").content.decode()
    about = StandardPage.objects.get(locale__language_code="fr", slug="a-propos")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    restricted = client.get("/fr/a-propos/").content.decode()
    assert restricted != public
    assert 'name="password"' in restricted
