"""A list's selection written out as CSV or JSON: the practice library, the calendar and
the policy library export records (dicts of one item each, keys as column names) through
these two responses."""

import csv

from django.http import HttpResponse, JsonResponse

LIST_SEPARATOR = "; "
FORMULA_PREFIXES = ("=", "+", "-", "@")


def json_response(records, name):
    response = JsonResponse(
        records, safe=False, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


def csv_response(records, name):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
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
