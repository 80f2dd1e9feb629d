from django import template

from website.language_fallback import direction as language_direction
from website.language_fallback import foreign
from website.typography import join_names, list_separator

register = template.Library()


@register.simple_tag(takes_context=True)
def foreign_page(context, page):
    """`{% foreign_page practice as foreign %}`: its language, direction and "available
    in French" mark when the page is not in the reader's language, else None. A page in
    the same locale as the page shown costs no query; lists that offer other languages'
    pages load their locale with them (select_related("locale"))."""
    shown = context.get("page")
    if shown is not None and getattr(shown, "locale_id", None) == page.locale_id:
        return None
    return foreign(page.locale.language_code)


@register.filter
def names(items, attribute=""):
    """`{{ themes|names }}`, `{{ links|names:"country.name" }}`: joined with the reader's
    comma."""
    return join_names(_attribute(item, attribute) for item in items)


def _attribute(item, path):
    for name in path.split(".") if path else ():
        item = getattr(item, name)
    return item


@register.simple_tag
def separator():
    """Between the items of a list written out in a loop (links, say)."""
    return list_separator()


@register.filter
def direction(language):
    """`dir="{{ document.language|direction }}"` for text in another language."""
    return language_direction(language)
