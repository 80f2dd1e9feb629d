import pytest
from django.core.management import call_command

from tests.searching import result_titles, search

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
