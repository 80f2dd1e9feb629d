"""Where each page's translations stand: missing, draft, awaiting moderation or live, and
whether the French source changed after the translation was last synchronised.

The whole grid is read in a fixed number of queries, however many pages there are.
Page models that concern countries name the lookup to them in `country_lookup`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState, get_page_models
from wagtail_localize.models import TranslationSource

MISSING, DRAFT, MODERATION, LIVE = "missing", "draft", "moderation", "live"
STATUS_LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    MODERATION: _("Awaiting moderation"),
    LIVE: _("Live"),
}
OUT_OF_DATE = "out-of-date"


@dataclass
class Cell:
    locale: Locale
    page_id: int | None = None
    status: str = MISSING
    stale: bool = False

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    source: dict
    cells: list


def source_pages(content_type_id=None, country=None):
    """The French pages (not the tree's root), as dicts, in tree order."""
    pages = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
    if content_type_id:
        pages = pages.filter(content_type_id=content_type_id)
    if country:
        pages = pages.filter(_in_country(country))
    return list(
        pages.order_by("path").values(
            "id", "title", "content_type_id", "translation_key", "last_published_at"
        )
    )


def _in_country(code):
    about = Q(pk__in=[])
    for model in country_page_models():
        about |= Q(pk__in=model.objects.filter(**{model.country_lookup: code}).values("pk"))
    return about


def country_page_models():
    return [model for model in get_page_models() if getattr(model, "country_lookup", None)]


def page_types():
    """(content type, name) of every page type but the root, for the type filter."""
    models = [model for model in get_page_models() if model is not Page]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((types[model], model._meta.verbose_name) for model in models), key=lambda t: str(t[1])
    )


def target_locales():
    return list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE))


def grid(sources, locales):
    """A row of cells (one per locale) for each source page."""
    keys = [source["translation_key"] for source in sources]
    copies = _translations(keys, [locale.pk for locale in locales])
    in_moderation = _in_moderation([copy["id"] for copy in copies.values()])
    synced = dict(
        TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("object_id", "last_updated_at")
    )
    return [
        Row(
            source,
            [
                _cell(
                    source,
                    locale,
                    copies.get((source["translation_key"], locale.pk)),
                    synced,
                    in_moderation,
                )
                for locale in locales
            ],
        )
        for source in sources
    ]


def _translations(keys, locale_ids):
    rows = Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
        "id", "translation_key", "locale_id", "live", "alias_of_id", "latest_revision_created_at"
    )
    return {(row["translation_key"], row["locale_id"]): row for row in rows}


def _in_moderation(page_ids):
    return set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
        ).values_list("object_id", flat=True)
    )


def _cell(source, locale, copy, synced, in_moderation):
    # An alias shows the French text: for a reader the translation is still missing.
    if copy is None or copy["alias_of_id"]:
        return Cell(locale, copy["id"] if copy else None)
    status = LIVE if copy["live"] else DRAFT
    if str(copy["id"]) in in_moderation:
        status = MODERATION
    synced_at = synced.get(source["translation_key"]) or copy["latest_revision_created_at"]
    changed_at = source["last_published_at"]
    stale = bool(changed_at and synced_at and changed_at > synced_at)
    return Cell(locale, copy["id"], status, stale)


def page_translation_cell(page):
    """The cell of one translated page (for the warning in its editor)."""
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .values("id", "title", "content_type_id", "translation_key", "last_published_at")
        .first()
    )
    if source is None or source["id"] == page.pk:
        return None, None
    return source, grid([source], [page.locale])[0].cells[0]
