"""Who may do what with the taxonomy, the agreements and the French sources: Editors and
Moderators manage the shared snippets, Translators translate them and the pages but never
change the French source (website/translation_access.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from practices.taxonomy import Theme
from tests.factories import UserFactory
from website.bootstrap import EDITORS, MODERATORS, TRANSLATORS
from website.models import HomePage

pytestmark = pytest.mark.django_db

SNIPPETS = ["practices.theme", "practices.targetgroup", "practices.sdgtarget"]
SNIPPETS += ["practices.organisation", "exchange.bilateralagreement"]


def edit_url(instance):
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def test_editors_and_moderators_manage_the_taxonomy_and_agreements(client):
    editor = UserFactory(groups=[EDITORS])
    moderator = UserFactory(groups=[MODERATORS])
    for label in SNIPPETS:
        app_label, model = label.split(".")
        for user in (editor, moderator):
            assert user.has_perms([f"{app_label}.add_{model}", f"{app_label}.change_{model}"])
        assert moderator.has_perm(f"{app_label}.delete_{model}")
        assert not editor.has_perm(f"{app_label}.delete_{model}")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_practices_theme:add"),
        {"name": "Retour volontaire", "slug": "retour", "locale": "fr"},
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="retour").exists()


def test_translators_translate_a_theme_but_cannot_change_the_french_one(client, taxonomy):
    translator = UserFactory(groups=[TRANSLATORS])
    client.force_login(translator)
    health = taxonomy["health"]
    arabic = health.get_translation(Locale.objects.get(language_code="ar"))

    assert client.get(edit_url(arabic)).status_code == 200
    refused = client.get(edit_url(health))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    client.post(edit_url(health), {"name": "Santé publique", "slug": "health"})
    health.refresh_from_db()
    assert health.name == "Santé"

    listing = client.get(reverse("wagtailsnippets_practices_theme:list"), {"locale": "fr"})
    assert listing.status_code == 200
    assert edit_url(health) not in listing.content.decode().replace(
        f'href="{edit_url(health)}" class="w-', ""
    )

    returning = Theme.objects.create(name="Retour", slug="retour")  # French, not translated
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["practices", "theme", returning.pk]
        ),
        {"locales": [Locale.objects.get(language_code="ar").pk]},
    )
    assert response.status_code == 302
    translated = returning.get_translation(Locale.objects.get(language_code="ar"))
    assert client.get(edit_url(translated)).status_code == 200


def test_translators_edit_translated_pages_only(client, site_tree):
    translator = UserFactory(groups=[TRANSLATORS])
    client.force_login(translator)
    french = HomePage.objects.get(locale__language_code="fr")
    english = HomePage.objects.get(locale__language_code="en")

    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 302
    client.post(
        f"/admin/pages/{french.pk}/edit/",
        {"title": "Piraté", "slug": french.slug, "action-submit": "1"},
    )
    french.refresh_from_db()
    assert french.title != "Piraté" and french.get_latest_revision().content["title"] != "Piraté"

    listing = client.get(f"/admin/pages/{french.get_parent().pk}/").content.decode()
    assert f"/admin/pages/{english.pk}/edit/" in listing
    assert f"/admin/pages/{french.pk}/edit/" not in listing
    assert f"/admin/pages/{french.pk}/" in listing  # still browsed, to ask for a translation


def test_every_page_type_keeps_translators_off_the_french_sources():
    """A new page type without the rule would let Translators edit its French pages."""
    from wagtail.models import Page, get_page_models

    from website.translation_access import TranslatorPermissionsMixin

    without = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model, TranslatorPermissionsMixin)
    ]
    assert without == []
