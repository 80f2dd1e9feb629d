"""The index follows the content: publishing, unpublishing, moving, deleting pages, and
uploading or replacing documents change what the search finds."""

import io

import pytest
from django.db import transaction

from demo.exchange_pdf import pdf_bytes
from demo.site import publish_child
from practices.models import PracticeIndexPage
from tests.factories import make_document, make_practice
from tests.searching import result_titles, search

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_publish_unpublish_move_and_delete(client, pages):
    practice = make_practice(pages["library"], "Coopérative de Tiznit")
    assert result_titles(search(client, q="tiznit")) == ["Coopérative de Tiznit"]

    draft = practice.get_latest_revision_as_object()
    draft.title = "Coopérative féminine de Tiznit"
    revision = draft.save_revision()  # a draft: the published title stays
    assert result_titles(search(client, q="feminine")) == []
    revision.publish()
    assert result_titles(search(client, q="feminine")) == ["Coopérative féminine de Tiznit"]

    practice.refresh_from_db()
    practice.unpublish()
    assert result_titles(search(client, q="tiznit")) == []
    practice.save_revision().publish()
    assert result_titles(search(client, q="tiznit")) == ["Coopérative féminine de Tiznit"]

    other = publish_child(pages["home"], PracticeIndexPage(title="Archives", slug="archives"))
    practice.refresh_from_db()
    practice.move(other, pos="last-child")
    html = search(client, q="tiznit")
    assert "/fr/archives/" in html and result_titles(html) == ["Coopérative féminine de Tiznit"]

    practice.refresh_from_db()
    practice.delete()
    assert result_titles(search(client, q="tiznit")) == []


def test_uploading_and_replacing_a_document(client, pages):
    document = make_document("Plan régional", lines=["ancienne campagne de prévention"])
    assert result_titles(search(client, q="prevention")) == ["Plan régional"]
    document.file.save("plan-2.pdf", io.BytesIO(pdf_bytes([["nouvelle vaccination"]])), save=False)
    document.file_hash = ""
    with transaction.atomic():
        document.save()
    assert result_titles(search(client, q="vaccination")) == ["Plan régional"]
    assert result_titles(search(client, q="prevention")) == []
    document.delete()
    assert result_titles(search(client, q="vaccination")) == []


def test_the_rebuild_command_reports_progress_per_locale(client, pages):
    from io import StringIO

    from django.core.management import call_command

    make_practice(pages["library"], "Coopérative de Tiznit")
    output = StringIO()
    call_command("rebuild_search_index", locale="fr", stdout=output)
    assert "fr practices.PracticePage: 1 indexed" in output.getvalue()
    call_command("rebuild_search_index", stdout=output)
    assert "indexed" in output.getvalue()
    assert result_titles(search(client, q="tiznit")) == ["Coopérative de Tiznit"]
