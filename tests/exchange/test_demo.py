import pytest
from django.core.management import call_command

from exchange.models import BilateralAgreement, CountryPage, ExchangeRequest, PolicyDocument
from exchange.models.documents import Extraction

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_demo_countries_agreements_documents_in_three_languages(client):
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    for code in ("fr", "en", "ar"):
        pages = CountryPage.objects.live().filter(locale__language_code=code)
        assert sorted(pages.values_list("country", flat=True)) == ["CI", "MA", "ML", "SN"]
        assert BilateralAgreement.objects.filter(locale__language_code=code).count() == 3
    assert PolicyDocument.objects.count() == 6
    assert set(PolicyDocument.objects.values_list("extraction", flat=True)) == {Extraction.DONE}
    assert ExchangeRequest.objects.count() == 3

    morocco = CountryPage.objects.get(country="MA", locale__language_code="ar")
    page = client.get(morocco.url).content.decode()
    assert 'dir="rtl"' in page and "مذكرة التفاهم بين المغرب والسنغال" in page
    # A word that only appears inside the demo PDFs finds the document.
    for path, word in [("/fr/documents/", "régularisation"), ("/en/documents/", "vaccination")]:
        assert "1 document" in client.get(path, {"q": word}).content.decode()
