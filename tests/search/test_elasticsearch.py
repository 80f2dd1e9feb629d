"""Elasticsearch: the mapping, the analysers and queries are checked without a server; the
search page falls back to the database when the server does not answer; a real server is
used when ELASTICSEARCH_URL names one (skipped otherwise: none can run on these machines)."""

import logging
import os
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from tests.factories import make_practice
from tests.searching import result_titles, search
from website.elasticsearch_synonyms import analysis, push_synonyms
from website.models import SearchSynonym
from website.search_backends import is_search_server

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on port 9


def es_settings(url):
    return {
        "default": {
            "BACKEND": "website.elasticsearch_synonyms",
            "SERVER": "wagtail.search.backends.elasticsearch8",
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
    assert fields["text_fr"]["search_analyzer"] == "text_fr_search"
    assert fields["text_ar"]["search_analyzer"] == "text_ar_search"
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


def test_each_search_analyser_gets_its_languages_synonyms_before_stop_words_and_stemming():
    settings = analysis({"fr": [("gfmd", "fmmd", "forum mondial sur la migration")]})
    french = settings["analyzer"]["text_fr_search"]
    assert french["filter"] == [
        "french_elision",
        "lowercase",
        "synonyms_fr",
        "french_stop",
        "french_stemmer",
    ]
    assert settings["filter"]["synonyms_fr"] == {
        "type": "synonym_graph",
        "synonyms": ["gfmd, fmmd, forum mondial sur la migration"],
    }
    english = settings["analyzer"]["text_en_search"]["filter"]
    assert english == ["english_possessive_stemmer", "lowercase", "english_stop", "english_stemmer"]
    assert "synonyms_en" not in settings["filter"], "no empty synonym filter"
    for name in [*french["filter"], *english, *settings["analyzer"]["text_ar_search"]["filter"]]:
        assert name in settings["filter"] or name in BUILT_IN_FILTERS, name


BUILT_IN_FILTERS = {"lowercase", "decimal_digit", "arabic_normalization"}


class RecordingIndices:
    """Elasticsearch's index API as far as the synonyms use it, answering as a server with
    one atomic-rebuild index behind each alias would."""

    def __init__(self):
        self.calls = []

    def create(self, index, **body):
        self.calls.append(("create", index, body))

    def get_settings(self, index):
        return {f"{index}_abc1234": {}}

    def close(self, index):
        self.calls.append(("close", index))

    def put_settings(self, index, settings):
        self.calls.append(("put_settings", index, settings))

    def open(self, index):
        self.calls.append(("open", index))


@pytest.mark.django_db
def test_indexes_are_created_with_the_synonyms_and_follow_the_table(settings):
    SearchSynonym.objects.create(language="ar", phrases="IOM\nالمنظمة الدولية للهجرة")
    settings.WAGTAILSEARCH_BACKENDS = es_settings(UNREACHABLE)
    backend = get_search_backend("default")
    assert is_search_server(backend)
    backend.es = SimpleNamespace(indices=RecordingIndices())
    backend.get_index_for_model(PracticePage).put()
    (_create, name, body) = backend.es.indices.calls[0]
    assert name == "ssme_test_wagtailcore_page"
    analysis_settings = body["settings"]["analysis"]
    assert analysis_settings["filter"]["synonyms_ar"]["synonyms"] == ["iom, منظمه دوليه هجره"]
    assert "edgengram_analyzer" in analysis_settings["analyzer"], "Wagtail's own analysers kept"

    backend.es.indices.calls.clear()
    SearchSynonym.objects.create(language="fr", phrases="FMMD\nGFMD")
    push_synonyms(backend)
    page_index = [call for call in backend.es.indices.calls if "wagtailcore_page" in call[1]]
    assert [call[0] for call in page_index] == ["close", "put_settings", "open"]
    pushed = page_index[1][2]["analysis"]["filter"]
    assert pushed["synonyms_fr"]["synonyms"] == ["fmmd, gfmd"]


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

    SearchSynonym.objects.create(language="fr", phrases="GFMD\nFMMD")
    make_practice(pages["library"], "Intégration des migrants à Oujda")
    make_practice(pages["library"], "Le sommet du FMMD à Marrakech")
    call_command("rebuild_search_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    get_search_backend("default").get_index_for_model(PracticePage).refresh()
    assert result_titles(search(client, "fr", q="integration")) == [
        "Intégration des migrants à Oujda"
    ]
    assert result_titles(search(client, "fr", q="gfmd")) == ["Le sommet du FMMD à Marrakech"]
    # Saved after the index was built: pushed by the task sent when the save commits.
    SearchSynonym.objects.create(language="fr", phrases="Marrakesh\nMarrakech")
    assert result_titles(search(client, "fr", q="marrakesh")) == ["Le sommet du FMMD à Marrakech"]
