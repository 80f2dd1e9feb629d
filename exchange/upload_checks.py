"""A file must be what its name says. The extension and the size are checked by Wagtail
(WAGTAILDOCS_EXTENSIONS, WAGTAILDOCS_MAX_UPLOAD_SIZE); here the content is: a PDF starts
with its signature, and DOCX, XLSX and ODT are ZIP packages with their own parts."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ZIP_PARTS = {
    "docx": ("[Content_Types].xml", "word/document.xml"),
    "xlsx": ("[Content_Types].xml", "xl/workbook.xml"),
}


def check_content(uploaded):
    """Raise ValidationError unless the file's content matches its extension."""
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return  # Wagtail refuses the format itself, naming the allowed ones
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        if not _matches(extension, uploaded):
            raise ValidationError(
                _("This file ends in .%(extension)s but is not a %(format)s document."),
                params={"extension": extension, "format": extension.upper()},
                code="content_mismatch",
            )
    finally:
        uploaded.seek(position)


def _matches(extension, uploaded):
    if extension == "pdf":
        return uploaded.read(1024).lstrip().startswith(b"%PDF-")
    if extension in ZIP_PARTS or extension == "odt":
        try:
            with zipfile.ZipFile(uploaded) as package:
                names = set(package.namelist())
                if extension == "odt":
                    return "mimetype" in names and package.read("mimetype").strip() == ODT_MIMETYPE
                return all(part in names for part in ZIP_PARTS[extension])
        except (zipfile.BadZipFile, OSError, KeyError):
            return False
    return False
