"""Searches typed in the practice and policy libraries are counted in the "searches
without results" report, as the site search's are, and each is answered afresh."""

import time

import pytest

from search.models import SearchTerm
from search.search_counts import SLOT_SECONDS, flush
from tests.factories import make_document, make_practice

pytestmark = pytest.mark.django_db


def test_library_searches_are_counted_once_per_search(client, library, policy_library):
    make_practice(library, "Santé des migrants")
    make_document("Stratégie nationale")
    found = client.get(library.url, {"q": "Santé"})
    assert "private" in found["Cache-Control"]
    client.get(library.url, {"q": "Santé", "page": "2"})  # paging is not searching again
    client.get(library.url, {"country": "MA"})  # no words: not a search
    client.get(library.url, {"q": "Tamkine"})
    client.get(policy_library.url, {"q": "Tamkine"})
    client.get(policy_library.url, {"q": "stratégie"})

    assert flush(now=time.time() + 2 * SLOT_SECONDS) == 4
    terms = {t.query: (t.searches, t.without_results) for t in SearchTerm.objects.all()}
    assert terms == {"sante": (1, 0), "tamkine": (2, 2), "strategie": (1, 0)}


def test_library_pages_without_words_stay_cacheable(client, library):
    assert "private" not in client.get(library.url, {"country": "MA"}).get("Cache-Control", "")
