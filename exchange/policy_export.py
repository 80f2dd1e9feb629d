"""The policy library's selection as CSV or JSON: the documents its page lists for the
same query string (search, filters, sort; the page number is not read), in the same
order, with identifiers for programs and labels in the visitor's language for people."""

from django.http import Http404
from django.utils.translation import get_language

from practices.taxonomy import Theme
from website import exports, listing
from website.public_url import absolute_url, page_url

from .models import PolicyDocument
from .policy_library import LIBRARY

EXPORT_LIMIT = 20_000
FORMATS = {"csv": exports.csv_response, "json": exports.json_response}


def exported_documents(library, request):
    rows = listing.first(LIBRARY, library.locale, request.GET, EXPORT_LIMIT)
    found = PolicyDocument.objects.prefetch_related("themes", "other_languages").in_bulk(
        [row.pk for row in rows]
    )
    return [found[row.pk] for row in rows if row.pk in found]


def document_record(document, library_url, theme_labels):
    themes = [theme.slug for theme in document.themes.all()]
    return {
        "id": document.pk,
        "title": document.title,
        "url": f"{library_url}document/{document.pk}/",
        "file_url": absolute_url(document.url),
        "doc_type": document.doc_type,
        "doc_type_name": str(document.get_doc_type_display()),
        "country": document.country.code or "",
        "country_name": str(document.country.name) if document.country else "",
        "issuing_body": document.issuing_body,
        "adoption_date": document.adoption_date.isoformat() if document.adoption_date else "",
        "adoption_date_precision": document.adoption_date_precision,
        "language": document.language,
        "language_name": str(document.get_language_display()),
        "summary": document.summary,
        "themes": themes,
        "theme_names": [theme_labels.get(slug, slug) for slug in themes],
        "other_languages": [other.pk for other in document.other_languages.all()],
    }


def export_response(library, request, kind):
    respond = FORMATS.get(kind)
    if respond is None:
        raise Http404("No such export format")
    library_url = page_url(library)
    theme_labels = Theme.labels(get_language())
    records = [
        document_record(document, library_url, theme_labels)
        for document in exported_documents(library, request)
    ]
    return respond(records, "policy-documents")
