"""Search is the cheapest way to load the site: it writes nothing and is limited per visitor."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SearchTerm
from search.search_counts import SLOT_SECONDS, flush
from tests.services import REFUSED, redis_cache

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def visitor(address):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": address}


def later():
    """When the minute of the searches just made is over and may be flushed."""
    return time.time() + 2 * SLOT_SECONDS


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]


def test_searches_write_nothing_and_the_report_counts_every_one(client, site_tree):
    with CaptureQueriesContext(connection) as queries:
        for _search in range(7):
            assert client.get("/fr/search/", {"q": "Visa humanitaire"}).status_code == 200
        assert client.get("/ar/search/", {"q": "تأشيرة"}).status_code == 200
    assert writes(queries.captured_queries) == []
    assert not SearchTerm.objects.exists()

    assert flush(now=later()) == 8
    term = SearchTerm.objects.get(query="visa humanitaire", language="fr")
    assert (term.searches, term.without_results, term.last_results) == (7, 7, 0)
    assert SearchTerm.objects.get(language="ar").without_results == 1
    assert flush(now=later()) == 0, "each search is added once"

    client.get("/fr/search/", {"q": "Visa humanitaire"})
    flush(now=later())
    assert SearchTerm.objects.get(query="visa humanitaire").without_results == 8


def test_the_minute_still_under_way_waits_for_the_next_flush(client, site_tree):
    client.get("/fr/search/", {"q": "visa"})
    assert flush() == 0
    assert flush(now=later()) == 1


def test_a_visitor_over_the_search_limit_gets_a_429_page_and_others_still_search(
    client, site_tree, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SEARCH_REQUESTS_PER_MINUTE = 2
    codes = [client.get("/en/search/", {"q": "visa"}, **visitor("203.0.113.7")).status_code]
    codes.append(client.get("/en/search/", {"q": "visa"}, **visitor("203.0.113.7")).status_code)
    response = client.get("/en/search/", {"q": "visa"}, **visitor("192.0.2.1, 203.0.113.7"))
    assert codes == [200, 200] and response.status_code == 429
    html = response.content.decode()
    assert "Too many searches have come from your connection" in html
    assert 'value="visa"' in html and "private" in response["Cache-Control"]
    assert client.get("/en/search/", {"q": "visa"}, **visitor("198.51.100.23")).status_code == 200


def test_without_a_cache_searches_are_answered_uncounted_and_unlimited(client, site_tree, settings):
    redis_cache(settings, REFUSED)
    settings.SEARCH_REQUESTS_PER_MINUTE = 1
    for _search in range(3):
        assert client.get("/fr/search/", {"q": "visa"}, **visitor("203.0.113.9")).status_code == 200
    assert flush(now=later()) == 0
    assert not SearchTerm.objects.exists()
