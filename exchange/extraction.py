"""Reading the text out of a PDF, so that full-text search finds words inside the file.

Runs in a Celery task after the upload is committed (exchange/tasks.py): a large PDF
takes seconds, which no editor should wait for. A file whose text cannot be read keeps
its details and says so in the admin.
"""

import logging
import re

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.search import index

from website.cache_versions import DOCUMENTS_VERSION, bump
from website.search_index import reindex

from .models.documents import Extraction, PolicyDocument

logger = logging.getLogger(__name__)
MAX_PAGES = 300
MAX_CHARACTERS = 500_000
SPACES = re.compile(r"\s+")


def extract_text(document_id):
    document = PolicyDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    text, outcome = _read(document)
    PolicyDocument.objects.filter(pk=document.pk).update(
        extracted_text=text, extraction=outcome, extracted_hash=document.file_hash
    )
    document.refresh_from_db()
    index.insert_or_update_object(document)
    reindex("document", [document.pk])
    # The update above sends no signal: listings cached for a search are stale now.
    bump(DOCUMENTS_VERSION)
    return outcome


def _read(document):
    if not document.file.name.lower().endswith(".pdf"):
        return "", Extraction.NOT_PDF
    try:
        with document.file.open("rb") as handle:
            reader = PdfReader(handle)
            if reader.is_encrypted:
                return "", Extraction.FAILED
            pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("Could not read the text of document %s: %s", document.pk, error)
        return "", Extraction.FAILED
    text = SPACES.sub(" ", " ".join(pages)).strip()[:MAX_CHARACTERS]
    return text, Extraction.DONE if text else Extraction.FAILED
