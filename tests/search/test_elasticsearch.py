"""Elasticsearch: the mapping and queries are checked without a server; the search page
falls back to the database when the server does not answer; a real server is used when
ELASTICSEARCH_URL names one (skipped otherwise: none can run on these machines)."""

import logging
import os

import pytest
from django.conf import settings as django_settings
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from tests.factories import make_practice
from tests.searching import result_titles, search

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on port 9


def es_settings(url):
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": "ssme_test_",
            "TIMEOUT": 2,
            "ATOMIC_REBUILD": True,
        },
        "fallback": django_settings.DATABASE_SEARCH,  # SQLite or PostgreSQL, as configured
    }


def test_each_language_field_gets_its_languages_analyser():
    from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping

    properties = Elasticsearch8Mapping(PracticePage).get_mapping()["properties"]
    fields = {name.rsplit("__", 1)[-1]: value for name, value in properties.items()}
    assert fields["text_fr"]["analyzer"] == "french"
    assert fields["text_en"]["analyzer"] == "english"
    assert fields["text_ar"]["analyzer"] == "arabic"
    assert fields["folded_text"]["type"] == "text"


def test_queries_search_the_visitors_language_field_and_the_folded_text(settings):
    from website.search_backends import _fields

    settings.WAGTAILSEARCH_BACKENDS = es_settings(UNREACHABLE)
    backend = get_search_backend("default")
    assert _fields(backend, "ar") == {"fields": ["title", "folded_text", "text_ar"]}
    compiler = backend.query_compiler_class(
        PracticePage.objects.filter(locale=3),
        "ادماج",
        fields=_fields(backend, "ar")["fields"],
        operator="and",
    )
    query = str(compiler.get_query())
    assert "text_ar" in query and "folded_text" in query and "'operator': 'and'" in query
    assert backend.rebuilder_class.__name__.endswith("AtomicIndexRebuilder")
    assert _fields(get_search_backend("fallback"), "ar") == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_search_page_falls_back_to_the_database_when_elasticsearch_is_down(
    client, pages, settings, caplog
):
    make_practice(pages["library"], "Intégration à Oujda")  # indexed in the database
    settings.WAGTAILSEARCH_BACKENDS = es_settings(UNREACHABLE)
    with caplog.at_level(logging.WARNING, logger="website.search_backends"):
        html = search(client, "fr", q="integration")
    assert result_titles(html)[0] == "Intégration à Oujda"
    assert "Elasticsearch" not in html and "erreur" not in html.lower()
    warnings = [r for r in caplog.records if r.name == "website.search_backends"]
    assert len(warnings) == 1, "after one failure the server is left alone for a while"
    library = client.get(pages["library"].url, {"q": "integration"})
    assert library.status_code == 200 and "Intégration à Oujda" in library.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_against_a_real_server(client, pages, settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against.")
    settings.WAGTAILSEARCH_BACKENDS = es_settings(url)
    from django.core.management import call_command

    make_practice(pages["library"], "Intégration des migrants à Oujda")
    call_command("rebuild_search_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    get_search_backend("default").get_index_for_model(PracticePage).refresh()
    assert result_titles(search(client, "fr", q="integration")) == [
        "Intégration des migrants à Oujda"
    ]
