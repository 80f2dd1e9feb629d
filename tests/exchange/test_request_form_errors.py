"""The focal points' contact form (asking to learn from a country) as a screen reader
meets it after a failed send: every description exists, a summary links each error."""

import pytest

from tests.asking import request_data
from tests.forms_html import missing_descriptions, read_form

pytestmark = pytest.mark.django_db


def test_a_failed_request_names_only_descriptions_that_exist_and_links_each_error(
    client, countries
):
    _, pages = countries
    url = f"/fr/exchange/learn/country/{pages['MA'].pk}/"
    empty = request_data(
        institution="", email="x", preferred_format=None, timing="y" * 201, consent=None
    )
    response = client.post(url, empty)
    assert response.status_code == 400
    html = response.content.decode()
    assert missing_descriptions(html) == []
    assert 'aria-describedby="id_timing_helptext id_timing_error"' in html
    form = read_form(html)
    assert form.summary["role"] == "alert"
    assert form.summary_links == [
        "#id_institution",
        "#id_email",
        "#id_preferred_format_0",
        "#id_timing",
        "#id_consent",
    ]
    assert '<optgroup label="Pays partenaires">' in html
