"""The moderation workflow is a row created in English; editors and moderators read its
name in their own admin language wherever Wagtail shows it."""

import pytest
from wagtail.models import Workflow, WorkflowState

from tests.browser.admin import staff_member
from tests.factories import StandardPageFactory
from website.bootstrap import EDITORS, MODERATION_WORKFLOW, MODERATORS
from website.models import HomePage

pytestmark = pytest.mark.django_db

WORKFLOW = {"fr": "Validation par les modérateurs", "ar": "مراجعة المشرفين"}


@pytest.fixture
def draft_page(site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    return StandardPageFactory(parent=home, slug="projet", title="Projet", live=False)


def submit(client, page):
    form = {"title": page.title, "slug": page.slug, "body-count": "0", "action-submit": "1"}
    assert client.post(f"/admin/pages/{page.pk}/edit/", form).status_code == 302


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_editors_and_moderators_read_the_workflow_in_their_language(client, draft_page, language):
    name = WORKFLOW[language]
    client.force_login(staff_member("redactrice", EDITORS, language))
    edit_view = client.get(f"/admin/pages/{draft_page.pk}/edit/").content.decode()
    assert {"fr": f"Soumettre à {name}", "ar": f"تقديم إلى {name}"}[language] in edit_view

    submit(client, draft_page)
    page_views = [f"/admin/pages/{draft_page.pk}/{view}/" for view in ("edit", "history")]
    for view in [*page_views, "/admin/"]:
        shown = client.get(view).content.decode()
        assert name in shown and MODERATION_WORKFLOW not in shown, view

    client.force_login(staff_member("moderatrice", MODERATORS, language))
    for view in ("/admin/", f"/admin/pages/{draft_page.pk}/workflow_history/"):
        shown = client.get(view).content.decode()
        assert name in shown and MODERATION_WORKFLOW not in shown, view


def test_the_workflow_stays_stored_in_english(client, draft_page):
    client.force_login(staff_member("redactrice", EDITORS, "fr"))
    submit(client, draft_page)
    state = WorkflowState.objects.get()
    assert Workflow.objects.filter(name=MODERATION_WORKFLOW).count() == 1
    assert state.workflow.name == MODERATION_WORKFLOW
