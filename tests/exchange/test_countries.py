"""Country profiles list what concerns them; focal points' contacts only when allowed."""

from datetime import date

import pytest

from exchange.models import BilateralAgreement
from tests.factories import at, make_document, make_event, make_practice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_country_page_lists_its_agreements_practices_events_and_documents(
    client, countries, library, calendar_page, policy_library
):
    index, pages = countries
    BilateralAgreement.objects.create(
        title="Mémorandum Maroc–Sénégal",
        parties=["MA", "SN"],
        date_signed=date(2013, 6, 1),
        date_precision="month",
        subject="Coopération sur la migration.",
        fields_of_cooperation="Diaspora\nGouvernance locale",
        locale=index.locale,
    )
    make_practice(library, "Guichets migrants de Dakar", countries=["SN"])
    make_practice(library, "Centre d’Oujda", countries=["MA"])
    make_event(calendar_page, "Atelier de Dakar", at(2027, 6, 8), countries=["SN"])
    make_document("Loi sur la migration", country="SN", doc_type="law")

    page = client.get(pages["SN"].url).content.decode()
    assert "Mémorandum Maroc–Sénégal" in page and "juin 2013" in page
    assert "Gouvernance locale" in page
    assert "Guichets migrants de Dakar" in page and "Centre d’Oujda" not in page
    assert "Atelier de Dakar" in page
    assert "Loi sur la migration" in page
    assert f'href="/fr/exchange/learn/country/{pages["SN"].pk}/"' in page
    assert "Mémorandum Maroc–Sénégal" in client.get(pages["MA"].url).content.decode()


def test_focal_point_contacts_show_only_when_the_editor_allows(client, countries):
    _index, pages = countries
    morocco = client.get(pages["MA"].url).content.decode()
    senegal = client.get(pages["SN"].url).content.decode()
    assert "Point focal MA" in morocco and "focal.ma@example.org" in morocco
    assert "Point focal SN" in senegal and "focal.sn@example.org" not in senegal
    assert "+212" not in senegal


def test_the_country_index_draws_the_partner_countries_without_external_map(client, countries):
    index, pages = countries
    response = client.get(index.url)
    html = response.content.decode()
    assert html.count("<polygon") == 2
    assert f'href="{pages["MA"].url}"' in html
    assert "tile" not in html and "https://" not in html.split("<svg", 1)[1].split("</svg>")[0]
