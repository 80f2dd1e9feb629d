from django import template

from events.presentation import upcoming_events as upcoming
from events.presentation import when, where
from website.public_url import public_host

register = template.Library()


@register.simple_tag
def event_when(event):
    return when(event)


@register.simple_tag
def event_where(event):
    return where(event)


@register.simple_tag
def upcoming_events(locale_id):
    """`{% upcoming_events page.locale_id as events %}`: for the home page."""
    return upcoming(locale_id)


@register.simple_tag
def webcal_url(path, query_string=""):
    """The subscription address: the same file, on the webcal scheme calendar apps open."""
    url = f"webcal://{public_host()}{path}"
    return f"{url}?{query_string}" if query_string else url
