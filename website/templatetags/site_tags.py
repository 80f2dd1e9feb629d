from django import template
from wagtail.models import Locale, Site

from website.languages import language_links
from website.models import FooterText, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_languages(context):
    return language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def locale_home(context):
    site = Site.find_for_request(context["request"])
    return site.root_page.localized.specific if site else None


@register.inclusion_tag("website/includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = locale_home(context)
    items = home.get_children().live().in_menu() if home else []
    current = context.get("page")
    return {"home": home, "items": items, "current_path": getattr(current, "path", "")}


@register.inclusion_tag("website/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    data_protection = site_settings.data_protection_page
    return {
        "request": request,
        "site_settings": site_settings,
        "footer": FooterText.objects.filter(locale=Locale.get_active()).first(),
        "data_protection_page": data_protection.localized if data_protection else None,
    }
