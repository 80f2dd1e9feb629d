import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from tests.factories import StandardPageFactory, UserFactory
from website.bootstrap import EDITORS, EVENT_ORGANISERS, MODERATORS, ROLES, TRANSLATORS
from website.models import HomePage

pytestmark = pytest.mark.django_db


def _edit_form(page, **extra):
    return {
        "title": page.title,
        "slug": page.slug,
        "introduction": "Texte relu.",
        "body-count": "0",
        **extra,
    }


@pytest.fixture
def draft_page(site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    return StandardPageFactory(parent=home, slug="projet", title="Projet", live=False)


def test_a_fresh_site_has_the_four_editorial_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS, EVENT_ORGANISERS, TRANSLATORS} <= names
    assert set(ROLES) <= names


def test_every_group_may_enter_the_admin():
    for name in ROLES:
        user = UserFactory(groups=[name])
        assert user.has_perm("wagtailadmin.access_admin"), name


def test_translators_may_submit_translations_but_not_publish():
    translator = UserFactory(groups=[TRANSLATORS])
    root = Page.get_first_root_node()
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert not root.permissions_for_user(translator).can_publish()


def test_editor_cannot_publish_directly(client, draft_page):
    editor = UserFactory(groups=[EDITORS])
    client.force_login(editor)
    client.post(
        f"/admin/pages/{draft_page.pk}/edit/", _edit_form(draft_page, **{"action-publish": "1"})
    )
    draft_page.refresh_from_db()
    assert not draft_page.live


def test_editor_page_goes_live_only_after_moderator_approval(client, draft_page):
    editor = UserFactory(groups=[EDITORS])
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{draft_page.pk}/edit/", _edit_form(draft_page, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    draft_page.refresh_from_db()
    assert not draft_page.live
    state = WorkflowState.objects.get(object_id=str(draft_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    moderator = UserFactory(groups=[MODERATORS])
    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=(draft_page.pk, "approve", task_state.pk)
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    draft_page.refresh_from_db()
    assert draft_page.live
    assert draft_page.introduction == "Texte relu."


def test_bootstrap_is_idempotent():
    from django.apps import apps

    from website.bootstrap import bootstrap_site

    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    bootstrap_site(apps.get_app_config("website"), plan=[])
    after = {g.name: g.permissions.count() for g in Group.objects.all()}
    assert before == after
