"""What the translation editor shows besides wagtail-localize's own editor."""

from django import template
from wagtail.models import Page

from website.localize import SUBMIT_ACTION
from website.translation_status import MODERATION, page_translation_cell

register = template.Library()


@register.simple_tag
def translation_review(translation, instance):
    """Whether the translated page is out of date or in moderation; pages (not snippets,
    which have no review) get the button that submits them for moderation."""
    if not isinstance(instance, Page):
        return {"can_submit": False}
    source, cell = page_translation_cell(instance)
    return {
        "can_submit": True,
        "submit_action": SUBMIT_ACTION,
        "stale": bool(cell and cell.stale),
        "in_moderation": bool(cell and cell.status == MODERATION),
        "source_changed_at": source["last_published_at"] if source else None,
    }
