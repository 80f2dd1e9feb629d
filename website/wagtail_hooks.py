"""Admin hooks of the core: who edits which language, how translations are moderated and
overseen, submitting drafts in bulk."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from . import bulk_submit, localize, translation_overview  # noqa: F401  (they register hooks)
from .translation_access import may_edit


@hooks.register("before_edit_snippet")
def translators_do_not_edit_source_snippets(request, instance):
    if not may_edit(request.user, instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def translators_do_not_delete_source_snippets(request, instances):
    if not all(may_edit(request.user, instance) for instance in instances):
        raise PermissionDenied
