"""The country list of the public forms: the partners of the cooperation first, then
every other country, each group in the reader's language and alphabetical order (the
Unicode collation, through pyuca, which django-countries uses when it is installed)."""

from django.utils.translation import gettext as _
from django_countries import countries

from .models import SiteSettings


def country_choices(partners):
    """Choices for a ChoiceField: an empty prompt, then the `partners` (country codes)
    and the rest as two labelled groups."""
    partners = {str(code) for code in partners}
    named = list(countries)  # sorted by name in the active language
    first = [(code, name) for code, name in named if code in partners]
    rest = [(code, name) for code, name in named if code not in partners]
    prompt = ("", _("Choose a country"))
    if not first:
        return [prompt, *rest]
    return [prompt, (_("Partner countries"), first), (_("Other countries"), rest)]


def site_partners(request):
    """The partner countries the site's administrators chose (website.SiteSettings)."""
    return SiteSettings.for_request(request).partner_countries
