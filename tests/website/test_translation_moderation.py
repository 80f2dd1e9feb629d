"""Translations are drafts until a moderator publishes them; translators submit them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from practices.models import PracticePage
from tests.factories import UserFactory, make_practice
from website.bootstrap import MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = UserFactory(groups=[TRANSLATORS])
    client.force_login(user)
    return user


@pytest.fixture
def practice(library):
    return make_practice(library, "Guichet unique", results=[("1 855", "entrepreneurs conseillés")])


def translate_into_arabic(client, page):
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [arabic.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=arabic)


def fill_in(translation):
    """The translator's work in the editor: every string in Arabic."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"ع {segment.string.data}",
        )


def test_translating_a_live_page_makes_a_draft(
    client, translator, practice, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_into_arabic(client, practice)
    arabic = PracticePage.objects.get(
        translation_key=practice.translation_key, locale__language_code="ar"
    )
    assert not arabic.live


def test_sync_offers_translators_no_publishing(client, translator, practice):
    translation = translate_into_arabic(client, practice)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert 'type="checkbox" name="publish_translations"' not in client.get(url).content.decode()
    client.post(url, {"publish_translations": "on"})
    assert not translation.get_target_instance().live


def test_translator_submits_and_moderator_publishes(client, translator, practice):
    translation = translate_into_arabic(client, practice)
    fill_in(translation)
    arabic = translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    page = client.get(edit_url).content.decode()
    assert "submit-translation" in page

    client.post(edit_url, {"action": "publish"})  # refused: wagtail-localize checks this
    client.post(edit_url, {"action": "submit-translation"})
    arabic.refresh_from_db()
    assert not arabic.live
    state = WorkflowState.objects.get(object_id=str(arabic.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(UserFactory(groups=[MODERATORS]))
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(arabic.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": ""},
    )
    arabic = PracticePage.objects.get(pk=arabic.pk)
    assert arabic.live
    assert arabic.title == "ع Guichet unique"
    # The result's label is translated with the rest; its figure is copied.
    assert [(r.value, r.label) for r in arabic.results.all()] == [
        ("1 855", "ع entrepreneurs conseillés")
    ]


def test_a_translation_sent_back_for_changes_is_submitted_again(client, translator, practice):
    translation = translate_into_arabic(client, practice)
    fill_in(translation)
    arabic = translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    client.post(edit_url, {"action": "submit-translation"})
    state = WorkflowState.objects.get(object_id=str(arabic.pk))

    client.force_login(UserFactory(groups=[MODERATORS]))
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(arabic.pk, "reject", state.current_task_state.pk),
        ),
        {"comment": "Le résumé manque."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(translator)
    response = client.post(edit_url, {"action": "submit-translation"})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not PracticePage.objects.get(pk=arabic.pk).live
