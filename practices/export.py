"""The library's current selection as CSV or JSON: identifiers that `import_practices`
reads back, and labels in the visitor's language for people."""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import get_language

from website import listing
from website.public_url import page_url

from .library import LIBRARY, in_order
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

EXPORT_LIMIT = 20_000
LIST_SEPARATOR = "; "
FORMULA_PREFIXES = ("=", "+", "-", "@")
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
    response = JsonResponse(
        _records(index, request), safe=False, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Content-Disposition"] = 'attachment; filename="practices.json"'
    return response


def csv_response(index, request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practices.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    records = _records(index, request)
    if not records:
        return response
    writer = csv.DictWriter(response, fieldnames=list(records[0]))
    writer.writeheader()
    for record in records:
        writer.writerow({key: _cell(value) for key, value in record.items()})
    return response


def _cell(value):
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return LIST_SEPARATOR.join(f"{item['value']} = {item['label']}" for item in value)
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value  # a spreadsheet must show it as text, not run it as a formula
    return "" if value is None else value
