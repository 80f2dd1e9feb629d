import pytest
from django.core.management import call_command

from events.models import EventPage
from exchange.models import BilateralAgreement, CountryPage, ExchangeRequest, PolicyDocument
from exchange.models.documents import Extraction
from practices.models import PracticeIndexPage, PracticePage

# The demo as a whole, checked on one database: `make run` seeds it on SQLite, which
# tests/website/test_demo.py covers on both.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.sweep]


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


def test_demo_pages_link_to_what_relates_to_them_in_each_language(client):
    call_command("seed_demo")
    revisions = EventPage.objects.values_list("latest_revision_id", flat=True)
    before = sorted(revisions)
    call_command("seed_demo")  # links already made are not published again
    assert sorted(revisions) == before
    for code in ("fr", "en", "ar"):
        practice = PracticePage.objects.get(external_id="avrr", locale__language_code=code)
        event = EventPage.objects.get(
            slug="workshop-reintegration-dakar-2027", locale__language_code=code
        )
        morocco = CountryPage.objects.get(country="MA", locale__language_code=code)
        practice_page = client.get(practice.url).content.decode()
        assert f'href="{event.url}"' in practice_page
        assert f'href="{morocco.url}"' in practice_page
        assert f'href="{practice.url}"' in client.get(event.url).content.decode()
        strategy = PolicyDocument.objects.get(title__startswith="Stratégie nationale d'imm")
        tamkine = PracticePage.objects.get(external_id="tamkine-migrants", locale=practice.locale)
        document = client.get(f"/{code}/documents/document/{strategy.pk}/").content.decode()
        assert f'href="{tamkine.url}"' in document
        library = PracticeIndexPage.objects.get(locale=practice.locale)
        assert f'href="{library.url}?country=MA"' in client.get(morocco.url).content.decode()
