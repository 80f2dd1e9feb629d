"""Strings of the admin's scripts read correctly in French and Arabic, where a package's
own catalogue gets them wrong (our corrections: website/js_catalogue_corrections.js)."""

import json

import pytest
from django.urls import reverse

from tests.browser.admin import staff_member
from website.bootstrap import TRANSLATORS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "label"), [("fr", "Publier dans "), ("ar", "نشر في ")])
def test_the_translation_editor_keeps_the_space_before_the_language(client, language, label):
    # The editor's button is gettext("Publish in ") + "English": "Publier dansEnglish".
    client.force_login(staff_member("traductrice", TRANSLATORS, language))
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert f'"Publish in ": {json.dumps(label)}' in catalogue
