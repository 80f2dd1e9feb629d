"""An organiser previews their event, unsaved, and the moderator previews the revision
they are asked to approve: cluster relations then live in memory, not in the database."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import Page, Task

from events.models import EventPage
from tests.editing import event_form
from tests.factories import UserFactory, make_practice
from website.bootstrap import EVENT_ORGANISERS, MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(library):
    return make_practice(library, "Guichet unique pour la diaspora")


@pytest.fixture
def organiser(forum):
    return UserFactory(username="organisatrice", groups=[EVENT_ORGANISERS])


def test_an_organiser_previews_their_changes_with_a_related_practice(
    client, forum, practice, organiser
):
    client.force_login(organiser)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[forum.pk])
    form = event_form(forum, title="Forum de Rabat (projet)", related_practices=[str(practice.pk)])
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forum de Rabat (projet)" in html
    assert practice.title in html


def test_an_organiser_previews_a_new_event(client, calendar_page, practice):
    client.force_login(UserFactory(username="organisateur", groups=[EVENT_ORGANISERS]))
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["events", "eventpage", calendar_page.pk]
    )
    draft = EventPage(
        title="Atelier de Bamako",
        slug="atelier-bamako",
        event_type="workshop",
        summary="Un atelier.",
        start_date=date(2027, 3, 10),
        end_date=date(2027, 3, 10),
        registration_enabled=True,
        capacity=20,
        interpretation_languages=["fr", "ar"],
    )
    form = event_form(draft, related_practices=[str(practice.pk)], all_day="on")
    assert client.post(url, form).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Atelier de Bamako" in html and practice.title in html


def test_the_moderator_previews_the_revision_submitted_for_approval(
    client, forum, practice, organiser
):
    forum.related_practices = [practice]
    forum.title = "Forum de Rabat, version revue"
    revision = forum.save_revision(user=organiser)
    Page.objects.get(pk=forum.pk).get_workflow().start(forum, organiser)
    task = Task.objects.get(name="Moderators approval")
    moderator = UserFactory(username="moderatrice", groups=[MODERATORS])
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:workflow_preview", args=[forum.pk, task.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert revision.content["title"] in html and practice.title in html
