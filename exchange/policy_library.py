"""The policy library as a list of the listing engine (website/listing.py): its facets,
sorts and one row per policy document, searched in their details and in the text read
out of their files.

Documents are not localised: every language's library lists them all, each in its own
language (a facet).
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from practices.library import country_labels
from practices.taxonomy import Theme
from website import listing
from website.cache_versions import DOCUMENTS_VERSION, TAXONOMY_VERSION

from .models.documents import DOCUMENT_LANGUAGES, DocumentType, PolicyDocument

PAGE_SIZE = 20
FIRST_YEAR, LAST_YEAR = 1950, 2100


def policy_documents():
    return PolicyDocument.objects.exclude(doc_type="")


def type_labels(language):
    return dict(DocumentType.choices)


def language_labels(language):
    return dict(DOCUMENT_LANGUAGES)


def year_labels(language):
    return {str(year): str(year) for year in range(FIRST_YEAR, LAST_YEAR + 1)}


def rows(locale):
    """One row per policy document, in two queries."""
    documents = policy_documents()
    themes = {}
    through = PolicyDocument.themes.through.objects.filter(
        policydocument_id__in=documents.values("pk")
    )
    for document_id, slug in through.values_list("policydocument_id", "theme__slug"):
        themes.setdefault(document_id, []).append(slug)
    fields = ("pk", "title", "adoption_date", "created_at", "country", "doc_type", "language")
    return [
        listing.Row(
            kind="document",
            pk=pk,
            title=title,
            values={
                "country": (country,) if country else (),
                "type": (doc_type,),
                "theme": tuple(themes.get(pk, ())),
                "year": (str(adopted.year),) if adopted else (),
                "language": (language,),
            },
            sort={"adopted": (adopted or date.min, created), "title": title.casefold()},
        )
        for pk, title, adopted, created, country, doc_type, language in documents.values_list(
            *fields
        )
    ]


LIBRARY = listing.Listing(
    name="documents",
    facets=(
        listing.Facet("country", _("Country"), country_labels, order="label", named=True),
        listing.Facet("type", _("Document type"), type_labels, order="label"),
        listing.Facet("theme", _("Theme"), Theme.labels, order="label", named=True),
        listing.Facet("year", _("Year adopted"), year_labels, order="number"),
        listing.Facet("language", _("Language"), language_labels, order="label"),
    ),
    sorts={
        "relevance": listing.Sort(_("Relevance")),
        "newest": listing.Sort(_("Newest first"), "adopted", descending=True),
        "oldest": listing.Sort(_("Oldest first"), "adopted"),
        "title": listing.Sort(_("Title"), "title"),
    },
    default_sort="newest",
    page_size=PAGE_SIZE,
    rows=rows,
    versions=(DOCUMENTS_VERSION, TAXONOMY_VERSION),
    kinds=("document",),
)


def in_order(rows):
    found = PolicyDocument.objects.in_bulk([row.pk for row in rows])
    return [found[row.pk] for row in rows if row.pk in found]


def run(locale, params):
    state = listing.parse(LIBRARY, params, locale.language_code)
    return listing.run(LIBRARY, locale, state, in_order)
