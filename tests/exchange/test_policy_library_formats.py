"""The policy library's feeds and exports follow its filters, search and order, as the
page does."""

import csv
import io
import json
import re
from datetime import date

import feedparser
import pytest
from django.conf import settings

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
    return re.findall(r'card__title"><a href="[^"]+" lang="\w+" dir="\w+">([^<]+)', html)


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


def exported(client, url, kind, params):
    response = client.get(f"{url}export/{kind}/", params)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return json.loads(text) if kind == "json" else list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "params",
    [
        {"q": "migratoire", "country": ["MA", "SN"], "theme": "integration", "sort": "oldest"},
        {"q": "migratoire", "sort": "title", "page": "2"},
        {"country": ["MA", "ZZ"], "theme": "<script>", "sort": "nope", "page": "x"},
    ],
)
def test_the_exports_give_the_pages_selection_in_its_order(
    client, policy_library, documents, params
):
    shown = page_titles(client, policy_library.url, {**params, "page": "1"})
    assert shown, "the filters select something"
    for kind in ("csv", "json"):
        records = exported(client, policy_library.url, kind, params)
        assert [record["title"] for record in records] == shown


def test_an_exported_document_says_what_it_is_with_labels_in_the_readers_language(
    client, policy_library, documents
):
    [record] = exported(client, "/en/documents/", "json", {"q": "Sénégal"})
    assert record["doc_type"] == "strategy" and record["doc_type_name"] == "Strategy"
    assert record["country"] == "SN" and record["country_name"] == "Senegal"
    assert record["adoption_date"] == "2018-07-01"
    assert record["themes"] == ["integration"] and record["theme_names"] == ["Integration"]
    assert record["url"] == f"{settings.PUBLIC_BASE_URL}/en/documents/document/{record['id']}/"
    assert record["file_url"].startswith(f"{settings.PUBLIC_BASE_URL}/documents/")
    [row] = exported(client, "/en/documents/", "csv", {"q": "Sénégal"})
    assert row["theme_names"] == "Integration" and row["country_name"] == "Senegal"


def test_the_page_links_to_its_exports_with_its_query(client, policy_library, documents):
    page = client.get(policy_library.url, {"country": "MA"}).content.decode()
    assert f'href="{policy_library.url}export/csv/?country=MA"' in page
    assert f'href="{policy_library.url}export/json/?country=MA"' in page
    assert client.get(f"{policy_library.url}export/xlsx/").status_code == 404


def test_the_filters_select_the_expected_documents(client, policy_library, documents):
    params = {"q": "migratoire", "country": ["MA", "SN"], "theme": "integration", "sort": "oldest"}
    assert page_titles(client, policy_library.url, params) == [
        "Loi migratoire de 2003",
        "Stratégie migratoire du Maroc",
        "Politique migratoire du Sénégal",
    ]
