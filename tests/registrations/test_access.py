"""Who sees participants' personal data: the organisers an administrator names, each
grant logged; nobody gives it to themselves through the event's form or its revisions."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from events.models import EventPage
from registrations.access import can_manage
from tests.editing import event_form
from tests.factories import UserFactory
from website.bootstrap import EDITORS, EVENT_ORGANISERS, MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(forum):
    user = UserFactory(
        username="organisatrice", first_name="Awa", last_name="Ndiaye", groups=[EVENT_ORGANISERS]
    )
    forum.registration_managers.add(user)
    return user


def edit_url(event):
    return reverse("wagtailadmin_pages:edit", args=[event.pk])


def access_url(event):
    return reverse("registrations_access", args=[event.pk])


def test_an_organiser_reopens_their_event_with_a_draft_and_submits_it(client, forum, organiser):
    client.force_login(organiser)
    response = client.post(edit_url(forum), event_form(forum, summary="Programme revu."))
    assert response.status_code == 302
    assert EventPage.objects.get(pk=forum.pk).has_unpublished_changes

    reopened = client.get(edit_url(forum))
    assert reopened.status_code == 200
    assert f'href="/admin/registrations/{forum.pk}/"' in reopened.content.decode()
    form = event_form(forum, summary="Programme revu.", **{"action-submit": "1"})
    assert client.post(edit_url(forum), form).status_code == 302
    assert WorkflowState.objects.get(object_id=str(forum.pk)).status == "in_progress"


@pytest.mark.parametrize("group", [EDITORS, EVENT_ORGANISERS, MODERATORS])
def test_the_event_form_cannot_grant_access_to_registrations(client, forum, group):
    someone = UserFactory(username="quelqu-un", groups=[group])
    client.force_login(someone)
    page = client.get(edit_url(forum)).content.decode()
    assert 'name="registration_managers"' not in page
    form = event_form(forum, registration_managers=[str(someone.pk)], **{"action-publish": "1"})
    client.post(edit_url(forum), form)
    assert not forum.registration_managers.exists()
    assert client.get(f"/admin/registrations/{forum.pk}/").status_code == 403


def test_publishing_someone_elses_revision_does_not_change_the_managers(forum, organiser):
    """A revision that names managers (as revisions made before this rule did) is
    published by a moderator: the managers stay those the administrator chose."""
    intruder = UserFactory(username="intrus", groups=[EDITORS])
    revision = forum.save_revision(user=intruder)
    revision.content["registration_managers"] = [intruder.pk]
    revision.save()
    revision.publish(user=UserFactory(username="moderateur", groups=[MODERATORS]))
    assert list(forum.registration_managers.all()) == [organiser]
    assert not can_manage(intruder, forum)


def test_non_administrators_see_the_managers_but_cannot_change_them(client, forum, organiser):
    client.force_login(organiser)
    page = client.get(edit_url(forum)).content.decode()
    assert "Awa Ndiaye" in page
    assert access_url(forum) not in page
    response = client.post(access_url(forum), {"managers": []})
    assert response.status_code == 403
    assert can_manage(organiser, forum)


def test_an_administrator_grants_and_withdraws_access_and_both_are_logged(client, forum):
    admin = UserFactory(username="admin", is_superuser=True)
    organiser = UserFactory(
        username="organisateur", first_name="Moussa", last_name="Keita", groups=[EVENT_ORGANISERS]
    )
    outsider = UserFactory(username="sans-acces")  # cannot enter the admin
    client.force_login(admin)
    assert access_url(forum) in client.get(edit_url(forum)).content.decode()
    choices = client.get(access_url(forum)).context["form"].fields["managers"].queryset
    assert organiser in choices and outsider not in choices and admin not in choices

    client.post(access_url(forum), {"managers": [organiser.pk]})
    assert can_manage(organiser, forum)
    client.post(access_url(forum), {"managers": []})
    assert not can_manage(organiser, forum)

    entries = PageLogEntry.objects.filter(page=forum, action__startswith="registrations.")
    assert [(e.action, e.user, e.data["person"]) for e in entries.order_by("pk")] == [
        ("registrations.grant_access", admin, "Moussa Keita"),
        ("registrations.revoke_access", admin, "Moussa Keita"),
    ]
    history = client.get(reverse("wagtailadmin_pages:history", args=[forum.pk])).content.decode()
    assert "Moussa Keita" in history


def test_a_foreign_user_id_is_a_form_error_not_a_500(client, forum):
    client.force_login(UserFactory(username="admin", is_superuser=True))
    response = client.post(access_url(forum), {"managers": ["999999", "x"]})
    assert response.status_code == 200
    assert response.context["form"].errors
