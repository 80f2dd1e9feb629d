"""The site's own full-text search (website/text_search.py): forgiving, ranked, current."""

import logging

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import PracticePage
from tests.factories import make_document, make_practice
from website.text_search import search

PRACTICES = ["practice"]


def titles(found):
    pages = PracticePage.objects.in_bulk(found.ids("practice"))
    return [pages[pk].title for pk in found.ids("practice")]


@pytest.fixture
def practices(pages):
    library = pages["library"]
    made = {
        "both": make_practice(library, "Écoute des femmes", summary="Contre les violences."),
        "one": make_practice(library, "Violences à Oujda", summary="Une cellule d'écoute."),
        "other": make_practice(library, "Santé des jeunes", summary="Centres de santé."),
        "integration": make_practice(
            library, "Intégration des migrants", summary="Accès aux droits."
        ),
    }
    call_command("rebuild_text_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return made


@pytest.mark.django_db
def test_a_result_with_all_the_words_ranks_above_one_with_some(practices):
    found = search("femmes violence", "fr", PRACTICES)
    assert titles(found) == ["Écoute des femmes", "Violences à Oujda"]
    assert found.unmatched == ()


@pytest.mark.django_db
def test_the_last_word_may_be_unfinished(practices):
    assert titles(search("intégr", "fr", PRACTICES)) == ["Intégration des migrants"]
    assert titles(search("migrants intégrati", "fr", PRACTICES)) == ["Intégration des migrants"]


@pytest.mark.django_db
def test_words_that_found_nothing_are_named_and_the_others_still_find(practices):
    found = search("santé zanzibar", "fr", PRACTICES)
    assert titles(found) == ["Santé des jeunes"]
    assert found.unmatched == ("zanzibar",)


@pytest.mark.django_db
def test_stop_words_are_not_required_and_alone_they_do_not_break(practices):
    found = search("les violences à Oujda", "fr", PRACTICES)
    assert titles(found)[0] == "Violences à Oujda" and found.unmatched == ()
    alone = search("de la", "fr", PRACTICES)
    assert alone.matches == [] and alone.words == ("de", "la")


@pytest.mark.django_db
def test_an_unpublished_practice_is_no_longer_found(practices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        practices["other"].unpublish()
    assert titles(search("santé", "fr", PRACTICES)) == []


@pytest.mark.django_db
def test_a_document_is_found_in_every_language(pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Stratégie nationale d'intégration", language="fr")
    for language in ("fr", "en", "ar"):
        assert search("integration strategy", language, ["document"]).ids("document") == [
            document.pk
        ]


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_site(pages):
    counts = []
    for extra in (2, 12):
        for number in range(extra):
            make_practice(pages["library"], f"Migrants et santé {number}", summary="Santé.")
        call_command("rebuild_text_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        search("santé", "fr", ["practice"])  # the synonyms, read once per process
        with CaptureQueriesContext(connection) as queries:
            found = search("santé migran", "fr", ["practice", "event", "document"])
        assert len(found.ids("practice")) >= extra
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3


@pytest.mark.django_db
def test_when_elasticsearch_is_down_the_sites_own_index_answers(practices, settings, caplog):
    from tests.search.test_elasticsearch import UNREACHABLE, es_settings

    settings.WAGTAILSEARCH_BACKENDS = es_settings(UNREACHABLE)
    with caplog.at_level(logging.WARNING, logger="website.search_backends"):
        found = search("femmes violence", "fr", PRACTICES)
        again = search("femmes violence", "fr", PRACTICES)
    assert titles(found) == titles(again) == ["Écoute des femmes", "Violences à Oujda"]
    warnings = [r for r in caplog.records if r.name == "website.search_backends"]
    assert len(warnings) == 1, "after one failure the server is left alone for a while"
