"""An event's registrations as CSV or XLSX, with headings and labels in the organiser's
language. XLSX holds real dates (a spreadsheet sorts and filters them), CSV the same
moments as text; both in the site's time zone.

Cells a spreadsheet would run as formulas are written as text.
"""

import csv
import io
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TEXT_DATETIME_FORMAT = "%Y-%m-%d %H:%M"


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
        (_("Interpretation language"), lambda r: r.get_interpretation_language_display()),
        (_("Accessibility needs"), lambda r: r.accessibility_needs),
        (_("Dietary needs"), lambda r: r.dietary_needs),
        (_("Invitation letter"), lambda r: _("yes") if r.invitation_letter else ""),
        (_("Registered"), lambda r: _local(r.created_at)),
        (_("Address confirmed"), lambda r: _local(r.email_confirmed_at)),
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
    csv.writer(response).writerows(
        [_as_text(value) for value in row] for row in rows(registrations)
    )
    return response


def xlsx_response(registrations, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Registrations"))
    for row in rows(registrations):
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _local(moment):
    """A naive moment in the site's time zone: XLSX cells cannot hold a time zone."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _as_text(value):
    if isinstance(value, datetime):
        return value.strftime(TEXT_DATETIME_FORMAT)
    return "" if value is None else value


def _xlsx_cell(sheet, value):
    if not isinstance(value, datetime):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = XLSX_DATETIME_FORMAT
    return cell


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
