from django import template

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
