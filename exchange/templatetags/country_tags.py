"""The country profiles' section on other apps' pages, such as the home page."""

from django import template

from exchange.models import CountryPage

register = template.Library()


@register.simple_tag
def published_countries(locale_id):
    """`{% published_countries page.locale_id as countries %}`: the live country pages
    of the language, partner countries first."""
    pages = CountryPage.objects.live().public().filter(locale_id=locale_id)
    return list(pages.order_by("-featured", "title"))
