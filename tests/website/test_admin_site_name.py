"""The admin names the platform in the editor's language."""

import pytest

from tests.browser.admin import staff_member
from website.bootstrap import EDITORS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"),
    [("fr", "Échange Sud–Sud sur les migrations"), ("ar", "منصة التبادل جنوب–جنوب حول الهجرة")],
)
def test_the_dashboard_welcomes_editors_to_the_platform_in_their_language(
    client, site_tree, language, name
):
    client.force_login(staff_member("redactrice", EDITORS, language))
    assert name in client.get("/admin/").content.decode()
