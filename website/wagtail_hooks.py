"""Admin hooks of the core: who edits which language, how translations are moderated and
overseen, submitting drafts in bulk, the workflow named in the reader's language, the
search synonyms. (bulk_submit, localize and translation_overview register their own hooks.)"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import bulk_submit, localize, translation_overview, workflow_names  # noqa: F401
from .models import SearchSynonym
from .translation_access import may_edit


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["__str__", "language", "note"]
    list_filter = ["language"]
    search_fields = ["phrases", "note"]
    index_results_template_name = "website/admin/search_synonyms_results.html"


register_snippet(SearchSynonymViewSet)


@hooks.register("before_edit_snippet")
def translators_do_not_edit_source_snippets(request, instance):
    if not may_edit(request.user, instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def translators_do_not_delete_source_snippets(request, instances):
    if not all(may_edit(request.user, instance) for instance in instances):
        raise PermissionDenied


@hooks.register("register_log_actions", order=1)  # after Wagtail's own formatters
def workflow_history_in_the_readers_language(actions):
    workflow_names.translate_log_titles(actions)
