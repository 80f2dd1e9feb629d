"""What the shared form templates (website/includes/form_field.html, error_summary.html)
need to know about a field: where a link to it lands, and which notes describe it."""

from django import template

register = template.Library()


@register.filter
def anchor(field):
    """The id an error summary links to: the field itself, or the first choice of a group
    of radio buttons (a fieldset cannot take the focus)."""
    if field.field.widget.use_fieldset:
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.filter
def described_by(field):
    """The help and error ids of a fieldset, named as Django names them on an input."""
    return field.aria_describedby if field.field.widget.use_fieldset else ""
