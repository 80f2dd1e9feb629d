"""Policy documents: upload checks, text extraction through the task, the library."""

import io
import zipfile

import feedparser
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.exchange_pdf import pdf_bytes
from exchange.models import PolicyDocument
from exchange.models.documents import Extraction
from tests.factories import make_document

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def english_admin():
    """A superuser whose admin speaks English, for assertions on admin messages."""
    from wagtail.users.models import UserProfile

    user = User.objects.create_superuser("admin", "a@example.org", "x" * 16)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_the_text_inside_a_pdf_is_extracted_after_the_commit_and_searchable(client, policy_library):
    document = make_document(
        "Stratégie nationale d'immigration et d'asile",
        lines=["DOCUMENT DE DÉMONSTRATION", "Axe 3 : la régularisation des étrangers."],
        summary="Une stratégie.",
    )
    assert document.extraction == Extraction.DONE
    assert "régularisation" in document.extracted_text
    for query in ("régularisation", "REGULARISATION"):
        page = client.get(policy_library.url, {"q": query}).content.decode()
        assert "Stratégie nationale d&#x27;immigration et d&#x27;asile" in page, query
    assert "0 document" in client.get(policy_library.url, {"q": "vaccination"}).content.decode()


def test_a_file_whose_text_cannot_be_read_is_saved_and_says_so(client, policy_library):
    broken = make_document("Rapport abîmé", content=b"%PDF-1.4\nnot really a pdf at all")
    word = make_document("Guide", filename="guide.docx", content=docx_bytes(), doc_type="guide")
    assert broken.extraction == Extraction.FAILED and broken.extracted_text == ""
    assert word.extraction == Extraction.NOT_PDF
    client.force_login(english_admin())
    page = client.get(f"/admin/documents/edit/{broken.pk}/").content.decode()
    assert "The text of this file could not be read" in page


def test_replacing_the_file_reads_the_new_text(policy_library):
    document = make_document("Plan", lines=["ancien texte"])
    document.file.save("plan-v2.pdf", io.BytesIO(pdf_bytes([["nouvelle vaccination"]])), save=False)
    document.file_hash = ""
    from django.db import transaction

    with transaction.atomic():
        document.save()
    document.refresh_from_db()
    assert "vaccination" in document.extracted_text and "ancien" not in document.extracted_text


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("fake.pdf", b"MZ\x90\x00 this is a program", "ends in .pdf but is not a PDF document"),
        ("fake.docx", b"%PDF-1.4 a pdf named docx", "ends in .docx but is not a DOCX document"),
        ("sheet.xlsx", docx_bytes(), "ends in .xlsx but is not a XLSX document"),
        ("script.exe", b"MZ", "is not allowed"),
    ],
)
def test_uploads_that_are_not_what_they_say_are_refused(client, filename, content, message):
    client.force_login(english_admin())
    response = client.post(
        "/admin/documents/add/",
        {"title": "Piège", "file": SimpleUploadedFile(filename, content), "collection": 1},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PolicyDocument.objects.count() == 0


def test_an_oversized_upload_is_refused(client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    client.force_login(english_admin())
    big = pdf_bytes([["x" * 80] * 30])
    response = client.post(
        "/admin/documents/add/",
        {"title": "Gros", "file": SimpleUploadedFile("big.pdf", big), "collection": 1},
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert PolicyDocument.objects.count() == 0


def test_a_real_pdf_uploaded_in_the_admin_is_saved_and_read(client):
    client.force_login(english_admin())
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Plan régional",
            "file": SimpleUploadedFile("plan.pdf", pdf_bytes([["vaccination des enfants"]])),
            "collection": 1,
            "doc_type": "action_plan",
            "language": "fr",
            "adoption_date_precision": "day",
            "country": "MA",
        },
    )
    assert response.status_code == 302
    document = PolicyDocument.objects.get()
    assert document.extraction == Extraction.DONE and "vaccination" in document.extracted_text


def test_facets_sorting_detail_and_feed(client, policy_library, taxonomy):
    from datetime import date

    snia = make_document("SNIA", adoption_date=date(2014, 12, 18), summary="Immigration.")
    make_document("Plan santé", doc_type="action_plan", adoption_date=date(2021, 1, 1))
    english = make_document("SNIA (English)", language="en", adoption_date=date(2014, 12, 18))
    snia.other_languages.add(english)
    snia.themes.add(taxonomy["integration"])
    make_document("Loi sénégalaise", country="SN", doc_type="law", adoption_date=date(2019, 5, 2))
    PolicyDocument.objects.create(
        title="Logo", file=SimpleUploadedFile("logo.pdf", pdf_bytes([["x"]]))
    )  # not a policy document: no type

    page = client.get(policy_library.url).content.decode()
    assert "4 documents" in page and "Logo" not in page
    filtered = client.get(policy_library.url, {"country": "SN"}).content.decode()
    assert "1 document" in filtered and "Loi sénégalaise" in filtered
    by_year = client.get(policy_library.url, {"year": "2014", "language": "en"}).content.decode()
    assert "SNIA (English)" in by_year and "Plan santé" not in by_year
    by_theme = client.get(policy_library.url, {"theme": "integration"}).content.decode()
    assert "1 document" in by_theme
    oldest = client.get(policy_library.url, {"sort": "oldest"}).content.decode()
    assert oldest.index("SNIA") < oldest.index("Loi sénégalaise") < oldest.index("Plan santé")

    detail = client.get(f"{policy_library.url}document/{snia.pk}/").content.decode()
    assert "18 décembre 2014" in detail and "SNIA (English)" in detail and snia.url in detail
    assert "PDF" in detail
    assert client.get(f"{policy_library.url}document/999999/").status_code == 404

    feed = feedparser.parse(client.get(policy_library.url + "feed/rss/").content)
    assert len(feed.entries) == 4 and not feed.bozo


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": "*"},
        {"q": "AND OR NOT"},
        {"q": "x\u0000y"},
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE exchange_policydocument; --"},
        {"country": "ZZ", "type": "nonsense", "year": "99999", "theme": "none"},
        {"page": "999999"},
        {"page": "-1"},
        {"sort": "evil"},
    ],
)
def test_hostile_query_strings_give_a_normal_page(client, policy_library, params):
    make_document("SNIA")
    assert client.get(policy_library.url, params).status_code == 200


def test_the_library_costs_the_same_queries_for_3_or_30_documents(session_client, policy_library):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert session_client.get(policy_library.url, {"q": "texte"}).status_code == 200
        return len(queries)

    count()  # what any first visit costs once (the site, the locales)
    for n in range(3):
        make_document(f"Document {n}", country=["MA", "SN", "ML"][n])
    few = [count(), count()]  # after a change, then as every later visitor gets it
    for n in range(3, 30):
        make_document(f"Document {n}", country=["MA", "SN", "ML", "CI"][n % 4])
    assert [count(), count()] == few
    assert few[1] <= 15


def test_editors_may_upload_documents_to_the_custom_model(client):
    from django.contrib.auth.models import Group

    editor = User.objects.create_user("editor", "e@example.org", "x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Guide communal",
            "file": SimpleUploadedFile("guide.pdf", pdf_bytes([["accueil des migrants"]])),
            "collection": 1,
            "doc_type": "guide",
            "language": "fr",
            "adoption_date_precision": "day",
        },
    )
    assert response.status_code == 302
    assert PolicyDocument.objects.get().extraction == Extraction.DONE
