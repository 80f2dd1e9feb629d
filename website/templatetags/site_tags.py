from django import template

from website import relations
from website.chrome import site_chrome
from website.languages import shows_untranslated_notice
from website.public_url import absolute_url as public_absolute_url

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


@register.simple_tag
def absolute_url(path):
    """`{% absolute_url "/sitemap.xml" %}`: the path at the site's public address."""
    return public_absolute_url(path)


@register.inclusion_tag("website/includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """Why the reader is here: the page they switched language on has no translation."""
    request = context.get("request")
    return {"show": request is not None and shows_untranslated_notice(request)}
