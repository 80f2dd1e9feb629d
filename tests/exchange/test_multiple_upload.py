"""The uploader linked from the admin (Documents > Add, several files at once), used by an
editor: the file is checked on upload, its details are filled in a second step, and the
document is then read and found like one uploaded alone."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.users.models import UserProfile

from demo.exchange_pdf import pdf_bytes
from exchange.models import PolicyDocument
from exchange.models.documents import Extraction
from tests.factories import UserFactory
from website.bootstrap import EDITORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor-sn", groups=[EDITORS])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def upload(client, name, content):
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_an_editor_uploads_several_at_once_and_the_text_is_searchable(
    client, editor, policy_library
):
    uploaded = upload(client, "plan.pdf", pdf_bytes([["Plan de vaccination des saisonniers"]]))
    assert uploaded["success"], uploaded
    prefix = f"uploaded-document-{uploaded['uploaded_file_id']}-"
    details = {
        "title": "Plan saisonnier",
        "collection": "1",
        "doc_type": "action_plan",
        "language": "fr",
        "adoption_date_precision": "day",
        "country": "SN",
    }
    response = client.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{uploaded['uploaded_file_id']}/",
        {prefix + name: value for name, value in details.items()},
    )
    assert response.status_code == 200 and json.loads(response.content)["success"]

    document = PolicyDocument.objects.get()
    assert document.uploaded_by_user == editor and document.file.name.endswith(".pdf")
    assert document.extraction == Extraction.DONE
    library = client.get(policy_library.url, {"q": "saisonniers"}).content.decode()
    assert "Plan saisonnier" in library and "1 document" in library


def test_a_fake_pdf_is_refused_on_upload_with_a_clear_message(client, editor):
    refused = upload(client, "rapport.pdf", b"MZ\x90\x00 this is a program")
    assert not refused["success"]
    assert refused["error_message"] == "This file ends in .pdf but is not a PDF document."
    assert PolicyDocument.objects.count() == 0
