"""The country profiles' section on other apps' pages, such as the home page."""

from django import template

from exchange.models import CountryPage
from website.cache_versions import PAGES_VERSION, cached

register = template.Library()


@register.simple_tag
def published_countries(locale_id):
    """`{% published_countries page.locale_id as countries %}`: the live country pages
    of the language, partner countries first."""

    def load():
        pages = CountryPage.objects.live().public().filter(locale_id=locale_id)
        return list(pages.order_by("-featured", "title"))

    return cached(PAGES_VERSION, f"countries:{locale_id}", load)
