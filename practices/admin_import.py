"""Importing practices in the admin: upload a file, read the dry run, confirm; the same
importer as the `import_practices` command, with drafts owned by the uploader.

The uploaded text waits in the uploader's session between the dry run and the
confirmation, so the file that is imported is the one that was checked, uploaded once.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .importer import ImportFileError, import_rows, parse_rows
from .models import PracticeIndexPage

MAX_FILE_BYTES = 2 * 1024 * 1024  # kept in the session between dry run and import
SESSION_KEY = "practice_import"


def _source_library():
    return PracticeIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def can_import(user):
    """Those who may add practices to the library: editors, moderators, superusers."""
    library = _source_library()
    return library is not None and library.permissions_for_user(user).can_add_subpage()


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Practices file (CSV or JSON)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB: split it into several files.")
                % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
            )
        data = upload.read()
        try:
            parse_rows(upload.name, data)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        self.stored = {"name": upload.name, "text": data.decode("utf-8-sig")}
        return upload


def _importers_only(view):
    def checked(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@_importers_only
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            request.session[SESSION_KEY] = form.stored
            return redirect("practices_import_check")
        return _render(request, form, status=400)
    return _render(request, form)


@_importers_only
def check(request):
    """The dry run of the uploaded file: what it would create and update, or its errors."""
    stored = request.session.get(SESSION_KEY)
    if stored is None:
        return redirect("practices_import")
    try:
        report = import_rows(_rows(stored), dry_run=True, user=request.user)
    except ImportFileError as error:
        return _render(request, UploadForm(), stored=stored, file_error=str(error))
    return _render(request, UploadForm(), stored=stored, report=report)


@require_POST
@_importers_only
def confirm(request):
    stored = request.session.get(SESSION_KEY)
    if stored is None:
        messages.error(request, _("Upload the file again: the checked file is no longer kept."))
        return redirect("practices_import")
    try:
        report = import_rows(_rows(stored), user=request.user)
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("practices_import_check")
    if report.errors:  # the site changed since the dry run; show what now fails
        return redirect("practices_import_check")
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Created %(created)s and updated %(updated)s practices, saved as drafts.")
        % {"created": report.created, "updated": report.updated},
    )
    return redirect(_submit_url(report.pages))


def _rows(stored):
    return parse_rows(stored["name"], stored["text"].encode())


def _submit_url(page_ids):
    """The confirmation of submitting every imported draft for moderation; declining it
    leads to the library, where the drafts wait."""
    library = _source_library()
    query = urlencode(
        [("id", pk) for pk in page_ids]
        + [("next", reverse("wagtailadmin_explore", args=[library.pk]))]
    )
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "submit"])
    return f"{url}?{query}"


def _render(request, form, status=200, **context):
    return TemplateResponse(
        request,
        "practices/admin/import.html",
        {"form": form, "max_megabytes": MAX_FILE_BYTES // (1024 * 1024), **context},
        status=status,
    )
