"""Every wagtail-localize workaround in one place, each with the upstream gap it covers.

Our policy: a translation is a draft until a moderator publishes it through the
moderation workflow; translators submit, never publish.

- Translating a live page publishes the copies at once, still in French: turned off with
  WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False (settings/base.py).
- "Sync translated pages" offers "Publish immediately" to anyone who may submit
  translations, without asking whether they may publish (UpdateTranslationsView has no
  such check): `ModeratedUpdateTranslationsView` offers it only to those who may publish.
- The translation editor can publish but has no "submit for moderation": the button in
  templates/wagtail_localize/admin/edit_translation.html posts to the edit view, where
  `submit_translation_for_moderation` saves the translated draft and starts the workflow.
- Page slugs are offered as text to translate, so every publish reports missing
  translations: `SYNCHRONISED_PAGE_FIELDS` copies them (a translator may still override).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .moderation import submit_for_moderation

SYNCHRONISED_PAGE_FIELDS = [SynchronizedField("slug")]


def synchronise_page_slugs():
    """Every page type copies its slug; a type with its own overrides includes
    SYNCHRONISED_PAGE_FIELDS in them (called once, when the apps are ready)."""
    Page.override_translatable_fields = SYNCHRONISED_PAGE_FIELDS


SUBMIT_ACTION = "submit-translation"


def may_publish(user, instance):
    """Whether `user` may publish `instance` (a page, or a snippet, which has no review)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return True


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not may_publish(self.request.user, self.object.get_source_instance()):
            # Disabled: the form then reads the initial value (False), whatever is posted.
            field = form.fields["publish_translations"]
            field.disabled, field.initial, field.widget = True, False, forms.HiddenInput()
        return form


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Registered before wagtail-localize's own URLs (our apps come first), so this
    # address answers instead of theirs.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="moderated_update_translations",
        )
    ]


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_moderation(request, page):
    if request.method != "POST" or request.POST.get("action") != SUBMIT_ACTION:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    language = translation.target_locale.get_display_name()
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(request, _("The translation has errors: correct them, then submit."))
        return redirect(request.path)
    page = Page.objects.get(pk=page.pk).specific
    submit_for_moderation(page, request.user)
    messages.success(
        request,
        _("The %(language)s translation was submitted for moderation.") % {"language": language},
    )
    return redirect(request.path)
