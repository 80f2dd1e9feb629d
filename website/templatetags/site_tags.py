from django import template

from website import relations
from website.chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context):
    """The header, menu, switcher and footer of the page being rendered."""
    request = context["request"]
    chrome = getattr(request, "_site_chrome", None)
    if chrome is None:
        chrome = request._site_chrome = site_chrome(request, context.get("page"))
    return chrome


@register.simple_tag
def related_sections(page):
    """The sections of what relates to the page from higher apps (website/relations.py)."""
    return relations.sections(page)


@register.simple_tag(takes_context=True)
def related_item(context, relation, item):
    """One item of a related section, in its app's own card template."""
    with context.push(**{relation.item_name: item}):
        return context.template.engine.get_template(relation.template).render(context)
