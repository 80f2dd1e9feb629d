import pytest
from django.core.management import call_command

from tests.searching import result_titles, search

# The demo as a whole, checked on one database: `make run` seeds it on SQLite, which
# tests/website/test_demo.py covers on both.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.sweep]


def test_on_the_demo_site_integration_is_found_in_each_language(client):
    call_command("seed_demo")
    french = search(client, "fr", q="intégration")
    assert result_titles(search(client, "fr", q="integration")) == result_titles(french)
    assert "Pratique" in french and "Stratégie" in french, "practices and documents"
    english = search(client, "en", q="integration")
    assert "Practice" in english
    arabic = result_titles(search(client, "ar", q="إدماج"))
    assert "إدماج الهجرة في التخطيط الوطني للتنمية" in arabic
    inside_pdf = result_titles(search(client, "fr", q="régularisation"))
    assert any("Stratégie nationale d" in title for title in inside_pdf)
