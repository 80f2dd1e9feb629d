"""The registration form as a screen reader and a reader of the country list meet it:
every description a field names exists, a failed form opens on a summary linking to each
field, and the partner countries come first, in the reader's language and order."""

import re

import pytest
import pyuca

from tests.forms_html import missing_descriptions, read_form
from tests.registering import register_url, submit
from website.models import SiteSettings

pytestmark = pytest.mark.django_db

EMPTY = {
    "full_name": "",
    "email": "not-an-address",
    "country": "",
    "category": None,
    "organisation": "",
    "role": "",
    "interpretation_language": "",
    "consent": None,
}


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_failed_form_names_only_descriptions_that_exist_and_links_each_error(client, forum, code):
    html = submit(client, forum, code, **EMPTY).content.decode()

    assert missing_descriptions(html) == []
    form = read_form(html)
    assert form.summary["role"] == "alert" and form.summary["tabindex"] == "-1"
    anchors = [
        "#id_full_name",
        "#id_email",
        "#id_country",
        "#id_category_0",
        "#id_organisation",
        "#id_role",
        "#id_interpretation_language",
        "#id_consent",
    ]
    assert form.summary_links == anchors, "one link per error, in the form's order"
    assert all(anchor[1:] in form.ids for anchor in anchors)
    consent = re.search(r"<input[^>]*name=\"consent\"[^>]*>", html).group()
    assert 'aria-describedby="id_consent_error"' in consent
    assert 'id="id_consent_error"' in html


def test_help_text_is_read_with_its_field(client, forum):
    html = client.get(register_url(forum, "en")).content.decode()
    email = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group()
    assert 'aria-describedby="id_email_helptext"' in email
    assert missing_descriptions(html) == []
    assert read_form(html).summary is None, "no summary before anything was sent"


def _country_groups(html):
    select = re.search(r'<select name="country".*?</select>', html, re.S).group()
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    return [
        (label, re.findall(r'<option value="(\w\w)"[^>]*>([^<]+)</option>', options))
        for label, options in groups
    ]


def test_partner_countries_come_first_in_the_readers_language_and_collation(client, forum):
    (partners, partner_options), (_, others) = _country_groups(
        client.get(register_url(forum, "ar")).content.decode()
    )
    assert [name for _, name in partner_options] == ["السنغال", "المغرب", "ساحل العاج", "مالي"]
    names = [name for _, name in others]
    assert len(others) == 245 and "MA" not in dict(others)
    assert names == sorted(names, key=pyuca.Collator().sort_key), "Arabic alphabetical order"

    settings = SiteSettings.objects.get()
    settings.partner_countries = ["TN", "SN"]
    settings.save()
    groups = _country_groups(client.get(register_url(forum, "fr")).content.decode())
    assert [name for _, name in groups[0][1]] == ["Sénégal", "Tunisie"]
    french = [name for _, name in groups[1][1]]
    assert french.index("Égypte") < french.index("Espagne") < french.index("Éthiopie")
