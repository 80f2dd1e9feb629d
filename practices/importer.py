"""Load practices from CSV or JSON: validate every row first, then write all or nothing.

A row is one practice in one language. Rows in the source language (French) carry every
field; rows in another language, with the same `external_id`, carry the translated text
(title, summary, body, place, results' labels, lessons, contact, tags) and take the rest
from the source. Re-importing a file updates the practices it created.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries as all_countries
from wagtail.models import Locale
from wagtail.rich_text import RichText

from .models import PracticeCountry, PracticeIndexPage, PracticePage, PracticeResult, PracticeStatus
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

TAXONOMY_COLUMNS = {
    "themes": Theme,
    "sdg_targets": SDGTarget,
    "target_groups": TargetGroup,
    "implementing_organisations": Organisation,
    "funders": Organisation,
}
TEXT_COLUMNS = ["title", "summary", "body", "place", "lessons", "contact"]
SHARED_COLUMNS = ["countries", *TAXONOMY_COLUMNS, "start_year", "end_year", "status", "featured"]
LIST_COLUMNS = ["countries", *TAXONOMY_COLUMNS, "tags"]
KNOWN_COLUMNS = {"external_id", "locale", *TEXT_COLUMNS, *SHARED_COLUMNS, "results", "tags"}
# Columns that exports add for people; an import reads past them.
IGNORED_COLUMNS = {"url", "country_names", "status_name", *(f"{c}_names" for c in TAXONOMY_COLUMNS)}
MAX_LENGTHS = {"external_id": 100, "title": 255, "summary": 800, "place": 200, "contact": 500}
FORMULA_GUARD = "'"


class ImportFileError(Exception):
    """The file cannot be read at all (format, encoding, structure)."""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class Row:
    number: int
    values: dict
    errors: list = field(default_factory=list)

    def error(self, column, message):
        self.errors.append(RowError(self.number, column, message))

    @property
    def locale(self):
        return self.values.get("locale") or settings.LANGUAGE_CODE

    @property
    def is_source(self):
        return self.locale == settings.LANGUAGE_CODE


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)
    pages: list = field(default_factory=list)  # ids of the pages written, sources first


def read_rows(path):
    """The rows of the file at `path`, as the management command reads them."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}
        ) from error
    return parse_rows(path.name, data)


def parse_rows(name, data):
    """The rows of a file given by its name (which tells its format) and its bytes, whether
    read from disk or uploaded in the admin."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".json"):
        raise ImportFileError(
            _("Unknown file type “%(suffix)s”: use .csv or .json.") % {"suffix": suffix}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not encoded in UTF-8: save it as UTF-8 text and try again.")
        ) from error
    return _json_rows(text) if suffix == ".json" else _csv_rows(text)


def _json_rows(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON: %(error)s") % {"error": error}
        ) from error
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportFileError(_("A JSON import must be a list of objects, one per practice."))
    return [_json_row(number, item) for number, item in enumerate(data, start=1)]


def _json_row(number, item):
    """A JSON row, with an error for each value whose shape the checks cannot read (a CSV
    cell is always text; a JSON value may be anything)."""
    row = Row(number, item)
    for column, value in item.items():
        if column in LIST_COLUMNS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                row.error(column, _("must be a list of texts"))
        elif column == "results":
            if not isinstance(value, list):
                row.error(column, _("must be a list of results"))
        elif column in KNOWN_COLUMNS and not isinstance(value, str | int | float | None):
            row.error(column, _("must be a text or a number"))
    return row


def _csv_rows(text):
    try:
        return _csv_records(csv.DictReader(text.splitlines()))
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not valid CSV: %(error)s") % {"error": error}
        ) from error


def _csv_records(reader):
    if not reader.fieldnames or "external_id" not in reader.fieldnames:
        raise ImportFileError(_("The CSV file needs a header row with an “external_id” column."))
    rows = []
    for number, record in enumerate(reader, start=2):  # row 1 is the header
        if None in record:
            rows.append(
                Row(
                    number,
                    {},
                    [RowError(number, "-", _("This row has more cells than the header."))],
                )
            )
            continue
        rows.append(Row(number, _from_csv(record)))
    return rows


def _from_csv(record):
    values = {}
    for column, cell in record.items():
        cell = (cell or "").strip()
        if cell.startswith(FORMULA_GUARD) and cell[1:2] in ("=", "+", "-", "@"):
            cell = cell[1:]
        if column in LIST_COLUMNS:
            values[column] = [item.strip() for item in cell.split(";") if item.strip()]
        elif column == "results":
            values[column] = [_csv_result(item) for item in cell.split(";") if item.strip()]
        elif column in ("start_year", "end_year"):
            values[column] = cell or None
        elif column == "featured":
            values[column] = cell.lower() in ("1", "true", "yes", "oui")
        else:
            values[column] = cell
    return values


def _csv_result(item):
    value, _separator, label = item.partition("=")
    return {"value": value.strip(), "label": label.strip()}


def validate(rows):
    """Check every row; return the errors (empty when the file can be imported)."""
    languages = dict(settings.LANGUAGES)
    known_terms = {
        column: set(t.labels(settings.LANGUAGE_CODE)) for column, t in TAXONOMY_COLUMNS.items()
    }
    sources_in_file = {
        row.values.get("external_id") for row in rows if row.is_source and not row.errors
    }
    seen = set()
    for row in rows:
        if row.errors:
            continue
        values = row.values
        for column in set(values) - KNOWN_COLUMNS - IGNORED_COLUMNS:
            row.error(column, _("unknown column"))
        if row.locale not in languages:
            row.error("locale", _("unknown language “%(value)s”") % {"value": row.locale})
        _check_text(row)
        key = (values.get("external_id"), row.locale)
        if key in seen:
            row.error("external_id", _("this practice appears twice in this language"))
        seen.add(key)
        if row.is_source:
            _check_source(row, known_terms)
        elif (
            values.get("external_id") not in sources_in_file
            and not PracticePage.objects.filter(
                external_id=values.get("external_id"), locale__language_code=settings.LANGUAGE_CODE
            ).exists()
        ):
            row.error("external_id", _("no French practice with this identifier to translate"))
    return [error for row in rows for error in row.errors]


def _check_text(row):
    values = row.values
    for column in ("external_id", "title", *([] if not row.is_source else ["summary"])):
        if not str(values.get(column) or "").strip():
            row.error(column, _("required"))
    for column, limit in MAX_LENGTHS.items():
        if len(str(values.get(column) or "")) > limit:
            row.error(column, _("longer than %(limit)s characters") % {"limit": limit})
    results = values.get("results") or []
    if not isinstance(results, list) or not all(
        isinstance(r, dict) and r.get("value") and r.get("label") for r in results
    ):
        row.error("results", _("each result needs a value and a label"))
    elif any(len(str(r["value"])) > 40 or len(str(r["label"])) > 200 for r in results):
        row.error("results", _("a value is longer than 40 characters or a label than 200"))
    if any(len(tag) > 100 for tag in values.get("tags") or []):
        row.error("tags", _("longer than %(limit)s characters") % {"limit": 100})


def _check_source(row, known_terms):
    values = row.values
    codes = values.get("countries") or []
    if not codes:
        row.error("countries", _("at least one country is required"))
    for code in codes:
        if code not in dict(all_countries):
            row.error("countries", _("“%(value)s” is not an ISO country code") % {"value": code})
    for column in TAXONOMY_COLUMNS:
        for value in values.get(column) or []:
            if value not in known_terms[column]:
                row.error(column, _("“%(value)s” is not a known identifier") % {"value": value})
    start, end = _year(row, "start_year", required=True), _year(row, "end_year")
    if start and end and end < start:
        row.error("end_year", _("the end year is before the start year"))
    status = values.get("status") or PracticeStatus.ONGOING
    if status not in PracticeStatus.values:
        row.error(
            "status",
            _("“%(value)s” is not one of %(choices)s")
            % {"value": status, "choices": ", ".join(PracticeStatus.values)},
        )


def _year(row, column, required=False):
    value = row.values.get(column)
    if value in (None, ""):
        if required:
            row.error(column, _("required"))
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        row.error(column, _("“%(value)s” is not a year") % {"value": value})
        return None
    if not 1950 <= year <= 2100:
        row.error(column, _("%(value)s is not a plausible year") % {"value": year})
        return None
    return year


class DryRun(Exception):
    """Raised to roll back the transaction of a dry run."""


def import_rows(rows, publish=False, dry_run=False, progress=None, user=None):
    """Write every row, or none if one has an error. `user` owns the pages it creates and
    signs the revisions (the admin's uploader; nobody for the command)."""
    report = ImportReport(errors=validate(rows))
    if report.errors:
        return report
    try:
        with transaction.atomic():
            ordered = sorted(rows, key=lambda row: not row.is_source)  # sources before translations
            for done, row in enumerate(ordered, start=1):
                try:
                    page, created = write_row(row, publish, user)
                except ValidationError as error:  # a rule of the page model the checks missed
                    report = ImportReport(errors=_model_errors(row, error))
                    raise DryRun from error
                report.pages.append(page.pk)
                report.created += created
                report.updated += not created
                if progress:
                    progress(done, len(ordered))
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return report


def _model_errors(row, error):
    return [
        RowError(row.number, column, message)
        for column, messages in error.message_dict.items()
        for message in messages
    ]


def write_row(row, publish, user=None):
    # A translation's empty cells keep the text it has (or the French copy's): a CSV row
    # has every column, filled or not.
    values = row.values if row.is_source else {k: v for k, v in row.values.items() if v}
    locale = Locale.objects.get(language_code=row.locale)
    page = PracticePage.objects.filter(external_id=values["external_id"], locale=locale).first()
    created = page is None
    if row.is_source:
        page = page or _new_practice(locale)
        _set_shared(page, values)
    elif created:
        source = PracticePage.objects.get(
            external_id=values["external_id"], locale__language_code=settings.LANGUAGE_CODE
        )
        page = source.copy_for_translation(locale, copy_parents=True)
        page.slug = ""  # named after its own title, not the French one
    _set_text(page, values)
    if created:
        page.owner = user
    if page.pk is None:
        _index_for(locale).add_child(instance=page)
    elif created:  # a translation, saved by copy_for_translation with the source's owner
        PracticePage.objects.filter(pk=page.pk).update(owner=user)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    if row.is_source:
        _sync_translations(page)
    return page, created


def _new_practice(locale):
    return PracticePage(locale=locale, live=False)


def _index_for(locale):
    index = PracticeIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ImportFileError(_("Create the practice library page before importing practices."))
    return index


def _set_text(page, values):
    for column in TEXT_COLUMNS:
        if column in values:
            setattr(page, column, values[column] or "")
    if "body" in values:
        page.body = [("paragraph", RichText(values["body"]))] if values["body"] else []
    if not page.slug:
        page.slug = _free_slug(page, values)
    page.external_id = values["external_id"]
    if "results" in values:
        page.results = [
            PracticeResult(value=r["value"], label=r["label"]) for r in values["results"]
        ]
    if "tags" in values:
        page.tags.set(values["tags"], clear=True)


def _free_slug(page, values):
    slug = slugify(values["title"], allow_unicode=True)[:80].strip("-") or values["external_id"]
    parent = page.get_parent() if page.pk else _index_for(page.locale)
    if parent.get_children().filter(slug=slug).exclude(pk=page.pk).exists():
        slug = f"{slug[:60]}-{slugify(values['external_id'])}"
    return slug


def _set_shared(page, values):
    page.start_year = int(values["start_year"])
    page.end_year = int(values["end_year"]) if values.get("end_year") not in (None, "") else None
    page.status = values.get("status") or PracticeStatus.ONGOING
    page.featured = bool(values.get("featured"))
    page.country_links = [PracticeCountry(country=code) for code in values["countries"]]
    for column, taxonomy in TAXONOMY_COLUMNS.items():
        terms = taxonomy.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            **{f"{taxonomy.facet_field}__in": values.get(column) or []},
        )
        getattr(page, column).set(terms)


def _sync_translations(source):
    """Translations share the source's countries, classification, period and status."""
    for translation in PracticePage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    ):
        translation.start_year, translation.end_year = source.start_year, source.end_year
        translation.status, translation.featured = source.status, source.featured
        translation.country_links = [
            PracticeCountry(country=link.country) for link in source.country_links.all()
        ]
        for column in TAXONOMY_COLUMNS:
            getattr(translation, column).set(getattr(source, column).all())
        translation.save()
