"""An event's registrations as CSV or XLSX, with headings in the organiser's language.

Cells a spreadsheet would run as formulas are written as text.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def columns():
    return [
        (_("Reference"), lambda r: r.reference),
        (_("Status"), lambda r: r.get_status_display()),
        (_("Full name"), lambda r: r.full_name),
        (_("E-mail address"), lambda r: r.email),
        (_("Country"), lambda r: str(r.country.name) if r.country else ""),
        (_("Category"), lambda r: r.get_category_display()),
        (_("Organisation"), lambda r: r.organisation),
        (_("Role"), lambda r: r.role),
        (_("Language"), lambda r: r.get_language_display()),
        (_("Interpretation language"), lambda r: r.interpretation_language),
        (_("Accessibility needs"), lambda r: r.accessibility_needs),
        (_("Dietary needs"), lambda r: r.dietary_needs),
        (_("Invitation letter"), lambda r: _("yes") if r.invitation_letter else ""),
        (_("Registered"), lambda r: _stamp(r.created_at)),
        (_("Address confirmed"), lambda r: _stamp(r.email_confirmed_at)),
    ]


def rows(registrations):
    cols = columns()
    yield [heading for heading, _value in cols]
    for registration in registrations:
        yield [_cell(value(registration)) for _heading, value in cols]


def csv_response(registrations, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    csv.writer(response).writerows(rows(registrations))
    return response


def xlsx_response(registrations, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Registrations"))
    for row in rows(registrations):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _stamp(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
