"""The library's current selection as CSV or JSON: identifiers that `import_practices`
reads back, and labels in the visitor's language for people."""

from django.utils.html import escape
from django.utils.translation import get_language

from website import exports, listing
from website.public_url import page_url

from .library import LIBRARY, in_order
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

EXPORT_LIMIT = 20_000
TAXONOMIES = {
    "themes": Theme,
    "sdg_targets": SDGTarget,
    "target_groups": TargetGroup,
    "implementing_organisations": Organisation,
    "funders": Organisation,
}


def exported_practices(index, request):
    """The library's selection for the same query string, in the page's order."""
    rows = listing.first(LIBRARY, index.locale, request.GET, EXPORT_LIMIT)
    return in_order(rows, "country_links", "results", "tags", *TAXONOMIES)


def practice_record(page, labels):
    record = {
        "external_id": page.external_id,
        "locale": page.locale.language_code,
        "title": page.title,
        "url": page_url(page),
        "summary": page.summary,
        "body": body_html(page.body),
        "countries": [link.country.code for link in page.country_links.all()],
        "country_names": [str(link.country.name) for link in page.country_links.all()],
        "place": page.place,
    }
    for name, taxonomy in TAXONOMIES.items():
        values = [term.facet_value for term in getattr(page, name).all()]
        record[name] = values
        record[f"{name}_names"] = [labels[taxonomy].get(value, value) for value in values]
    record.update(
        start_year=page.start_year,
        end_year=page.end_year,
        status=page.status,
        status_name=str(page.get_status_display()),
        results=[{"value": r.value, "label": r.label} for r in page.results.all()],
        lessons=page.lessons,
        contact=page.contact,
        tags=[tag.name for tag in page.tags.all()],
        featured=page.featured,
    )
    return record


def body_html(body):
    """The description's text blocks as HTML (images and documents are not exported)."""
    parts = []
    for block in body:
        if block.block_type == "paragraph":
            parts.append(block.value.source)
        elif block.block_type == "heading":
            parts.append(f"<h2>{escape(block.value['text'])}</h2>")
    return "".join(parts)


def _records(index, request):
    language = get_language()
    labels = {taxonomy: taxonomy.labels(language) for taxonomy in set(TAXONOMIES.values())}
    return [practice_record(page, labels) for page in exported_practices(index, request)]


def json_response(index, request):
    return exports.json_response(_records(index, request), "practices")


def csv_response(index, request):
    return exports.csv_response(_records(index, request), "practices")
