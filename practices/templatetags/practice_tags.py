"""The library's sections on other apps' pages, such as the home page."""

from django import template

from practices.presentation import featured_practices as featured

register = template.Library()


@register.simple_tag
def featured_practices(locale_id):
    """`{% featured_practices page.locale_id as practices %}`"""
    return featured(locale_id)
