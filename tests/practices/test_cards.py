"""Practice cards read as plain values: the same address, countries and marks as the page
objects gave, in two queries for any number of practices."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from demo.site import ensure_translation
from practices.cards import cards
from tests.factories import make_practice
from website.page_addresses import addresses

pytestmark = pytest.mark.django_db


def test_addresses_are_wagtails_for_every_page_and_language(library):
    practice = make_practice(library, "Guichet unique", countries=["MA"])
    ensure_translation(practice, "en", {"title": "One-stop shop", "slug": "one-stop-shop"})
    arabic_library = ensure_translation(library, "ar", {"title": "الممارسات", "slug": "الممارسات"})
    ensure_translation(practice, "ar", {"title": "الشباك الوحيد", "slug": "الشباك-الوحيد"})
    assert arabic_library.url_path.endswith("/الممارسات/")
    pages = list(Page.objects.filter(depth__gt=1))
    with translation.override("ar"):  # the reader's language does not change an address
        found = addresses(page.url_path for page in pages)
    assert len(pages) > 12
    assert {page.url_path: page.get_url() for page in pages} == found
    assert "/ar/%D8%A7%D9%84%D9%85%D9%85%D8%A7%D8%B1%D8%B3%D8%A7%D8%AA/" in found.values()


def test_a_card_says_what_the_page_said(library):
    practice = make_practice(
        library,
        "Santé des migrants",
        countries=["MA", "CI"],
        start_year=2019,
        end_year=2023,
        status="completed",
        summary=" ".join(f"mot{n}" for n in range(60)),
    )
    with translation.override("ar"):
        (card,) = cards([practice.pk])
        assert card.countries == "المغرب، ساحل العاج"
        assert card.foreign.mark == "متاح بالفرنسية"
    with translation.override("fr"):
        (card,) = cards([practice.pk])
        assert card.foreign is None
        assert card.status == "Achevée"
    assert card.url == practice.get_url()
    assert card.summary == " ".join(f"mot{n}" for n in range(40)) + " …"
    assert (card.start_year, card.end_year) == (2019, 2023)


def test_cards_keep_the_order_asked_in_two_queries(library):
    practices = [make_practice(library, f"Pratique {n}", countries=["SN", "ML"]) for n in range(6)]
    asked = [practices[n].pk for n in (4, 0, 5, 2)] + [999999]
    cards(asked[:1])  # Wagtail reads its sites' root paths once, then keeps them
    with CaptureQueriesContext(connection) as queries:
        found = cards(asked)
    assert [card.pk for card in found] == asked[:4]
    assert len(queries) == 2, [query["sql"] for query in queries]
