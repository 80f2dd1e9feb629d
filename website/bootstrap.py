"""What every site needs before anyone logs in: locales, editorial groups, moderation.

Run after each `migrate` (see apps.py), which also points the Site record at
PUBLIC_BASE_URL; every step is idempotent, so a fresh site and a
long-lived one end in the same state.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_noop
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .public_url import keep_site_in_step

EDITORS = "Editors"
MODERATORS = "Moderators"
EVENT_ORGANISERS = "Event organisers"
TRANSLATORS = "Translators"
FOCAL_POINTS = "Focal points"
# Wagtail shows this name in every admin language: translated in workflow_names.py.
MODERATION_WORKFLOW = gettext_noop("Moderators approval")

# The taxonomy and the agreements: French rows that every locale links to, translated
# through wagtail-localize (Translators change only the translations: translation_access.py).
SHARED_SNIPPETS = [
    "practices.theme",
    "practices.targetgroup",
    "practices.sdgtarget",
    "practices.organisation",
    "exchange.bilateralagreement",
]


def snippet_permissions(*actions):
    return [
        f"{app_label}.{action}_{model}"
        for app_label, model in (label.split(".") for label in SHARED_SNIPPETS)
        for action in actions
    ]


def synonym_permissions(*actions):
    """The search synonyms (website.SearchSynonym): a group per language, not translated,
    so Translators write their language's groups; only Editors and Moderators delete."""
    return [f"website.{action}_searchsynonym" for action in actions]


# What each group may do on pages (granted on the tree's root, so in every locale),
# in the media collections, and on other models (app_label.codename).
ROLES = {
    EDITORS: {
        "pages": ["add_page", "change_page", "lock_page", "unlock_page"],
        "collections": ["add_image", "change_image", "choose_image"]
        + ["add_policydocument", "change_policydocument", "choose_document"],
        "models": [
            "wagtailadmin.access_admin",
            "website.add_footertext",
            "website.change_footertext",
            *synonym_permissions("add", "change", "delete"),
            *snippet_permissions("add", "change"),
        ],
    },
    MODERATORS: {
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
        + ["bulk_delete_page"],
        "collections": ["add_image", "change_image", "delete_image", "choose_image"]
        + [
            "add_policydocument",
            "change_policydocument",
            "delete_policydocument",
            "choose_document",
        ],
        "models": [
            "wagtailadmin.access_admin",
            "website.add_footertext",
            "website.change_footertext",
            "website.delete_footertext",
            "wagtail_localize.submit_translation",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            *synonym_permissions("add", "change", "delete"),
            *snippet_permissions("add", "change", "delete"),
        ],
    },
    # Their page permissions are on the calendars: see events/roles.py.
    EVENT_ORGANISERS: {
        "pages": [],
        "collections": ["add_image", "choose_image", "add_policydocument", "choose_document"],
        "models": ["wagtailadmin.access_admin"],
    },
    # Only in the translation locales, never the French sources: translation_access.py.
    TRANSLATORS: {
        "pages": ["change_page"],
        "collections": ["choose_image", "choose_document"],
        "models": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "website.change_footertext",
            *synonym_permissions("add", "change"),
            *snippet_permissions("change"),
        ],
    },
    # Only the admin: which exchange requests they see and answer follows from the country
    # pages that name them (exchange/request_access.py), and so does who is in the group
    # (exchange/focal_points.py).
    FOCAL_POINTS: {"pages": [], "collections": [], "models": ["wagtailadmin.access_admin"]},
}


def bootstrap_site(sender, using="default", plan=None, **kwargs):
    # `flush` sends post_migrate without a plan: it empties the tables that the migrations
    # filled (root page, locales, permissions), so there is nothing to build on then.
    if sender.name != "website" or plan is None:
        return
    with transaction.atomic(using=using):
        ensure_locales()
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0, using=using)
        for name, grants in ROLES.items():
            ensure_group(name, grants)
        ensure_moderation_workflow()
        keep_site_in_step()


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_group(name, grants):
    group, _created = Group.objects.get_or_create(name=name)
    root = Page.get_first_root_node()
    for codename in grants["pages"]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_permission("wagtailcore", codename)
        )
    collection = Collection.get_first_root_node()
    for codename in grants["collections"]:
        model = get_image_model() if codename.endswith("image") else get_document_model()
        app_label = model._meta.app_label
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
    group.permissions.add(*(_permission(*label.split(".")) for label in grants["models"]))
    return group


def ensure_moderation_workflow():
    """Every page, in every locale, needs a moderator's approval before it goes live."""
    task, _created = GroupApprovalTask.objects.get_or_create(name=MODERATION_WORKFLOW)
    task.groups.add(Group.objects.get(name=MODERATORS))
    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
