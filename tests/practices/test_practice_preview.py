"""Editors and moderators see a practice's unsaved revision before it goes live."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.factories import UserFactory, make_practice
from website.bootstrap import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_practice(library, taxonomy):
    """A live practice whose editor changed its themes and submitted it for moderation."""
    practice = make_practice(library, "Guichet unique", themes=[taxonomy["diaspora"]])
    practice.themes = [taxonomy["health"]]
    practice.summary = "Résumé revu."
    editor = UserFactory(groups=[EDITORS])
    revision = practice.save_revision(user=editor)
    practice.get_workflow().start(practice, editor)
    return practice, revision


def test_moderator_previews_the_submitted_revision(client, submitted_practice):
    practice, _revision = submitted_practice
    client.force_login(UserFactory(groups=[MODERATORS]))
    task = WorkflowState.objects.get(object_id=str(practice.pk)).current_task_state.task
    response = client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=(practice.pk, task.pk))
    )
    assert response.status_code == 200
    assert "Résumé revu." in response.content.decode()
    assert "Santé" in response.content.decode()


def test_editor_views_an_earlier_revision(client, submitted_practice):
    practice, revision = submitted_practice
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=(practice.pk, revision.pk))
    )
    assert response.status_code == 200
    assert "Résumé revu." in response.content.decode()
