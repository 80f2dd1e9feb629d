"""The policy library's feeds follow its filters, search and order, as the page does."""

import re
from datetime import date

import feedparser
import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(taxonomy):
    made = [
        ("Stratégie migratoire du Maroc", "MA", date(2014, 12, 18), ["integration"]),
        ("Politique migratoire du Sénégal", "SN", date(2018, 7, 1), ["integration"]),
        ("Loi migratoire de 2003", "MA", date(2003, 11, 11), ["integration"]),
        ("Plan migratoire de santé", "MA", date(2021, 1, 1), ["health"]),  # another theme
        ("Stratégie migratoire du Mali", "ML", date(2015, 1, 1), ["integration"]),
        ("Code du travail", "MA", date(2004, 1, 1), ["integration"]),  # other words
    ]
    for title, country, adopted, themes in made:
        document = make_document(title, country=country, adoption_date=adopted, summary=title)
        document.themes.add(*[taxonomy[t] for t in themes])


def page_titles(client, url, params):
    html = client.get(url, params).content.decode()
    return re.findall(r'card__title"><a href="[^"]+" lang="\w+">([^<]+)', html)


def feed_titles(client, url, params):
    feed = feedparser.parse(client.get(url, params).content)
    assert not feed.bozo
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "migratoire", "country": ["MA", "SN"], "theme": "integration", "sort": "oldest"},
        {"q": "migratoire", "country": ["MA", "SN"], "theme": "integration", "sort": "title"},
        {"country": "MA"},
    ],
)
def test_the_feeds_give_the_pages_selection_in_its_order(client, policy_library, documents, params):
    shown = page_titles(client, policy_library.url, params)
    assert shown, "the filters select something"
    assert feed_titles(client, f"{policy_library.url}feed/rss/", params) == shown
    assert feed_titles(client, f"{policy_library.url}feed/atom/", params) == shown


def test_the_filters_select_the_expected_documents(client, policy_library, documents):
    params = {"q": "migratoire", "country": ["MA", "SN"], "theme": "integration", "sort": "oldest"}
    assert page_titles(client, policy_library.url, params) == [
        "Loi migratoire de 2003",
        "Stratégie migratoire du Maroc",
        "Politique migratoire du Sénégal",
    ]
