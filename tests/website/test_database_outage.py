"""The database stops answering: a 503 that says when to come back, never the 500 of a
bug, and the pages already in the cache are still served."""

from contextlib import contextmanager

import pytest
from django.db import connection

from tests.services import require

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@contextmanager
def database_down():
    """The database server refuses connections (a closed port) until the block ends."""
    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "9"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port


def test_a_database_outage_is_a_503_with_retry_after_in_the_readers_language(client, site_tree):
    client.raise_request_exception = False  # answer as the server would, not re-raise
    with database_down():
        response = client.get("/ar/")
        search = client.get("/fr/search/", {"q": "diaspora"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "The site is briefly unavailable" not in html, "translated"
    assert search.status_code == 503
    assert "indisponible" in search.content.decode()


def test_pages_in_the_cache_are_still_served_during_the_outage(client, site_tree):
    before = client.get("/fr/a-propos/")
    with database_down():
        during = client.get("/fr/a-propos/")
    assert during.status_code == 200
    assert during.content == before.content


def test_the_site_answers_again_once_the_database_is_back(client, site_tree):
    client.raise_request_exception = False
    with database_down():
        assert client.get("/en/").status_code == 503
    assert client.get("/en/").status_code == 200
