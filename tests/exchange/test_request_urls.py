"""The "ask to learn" form has its own URLs (exchange/urls.py) in every language; the
old learn/ sub-routes of the practice and country pages send visitors on for good."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from demo.site import ensure_translation
from exchange.models import ExchangeRequest
from tests.asking import request_data
from tests.factories import make_practice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLES = {"fr": "Centre d’Oujda", "en": "Oujda centre", "ar": "مركز وجدة"}


@pytest.fixture
def practices(library, countries):
    """The same practice in French, English and Arabic, by language."""
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    french = make_practice(library, TITLES["fr"], countries=["MA"])
    pages = {"fr": french}
    for code in ("en", "ar"):
        pages[code] = ensure_translation(french, code, {"title": TITLES[code], "slug": "oujda"})
    return pages


@pytest.fixture
def country_pages(countries):
    """Senegal in French, English and Arabic, by language."""
    index, pages = countries
    ensure_translation(index, "ar", {"title": "البلدان", "slug": "countries"})
    titles = {"en": "Senegal", "ar": "السنغال"}
    translated = {"fr": pages["SN"]}
    for code, title in titles.items():
        translated[code] = ensure_translation(pages["SN"], code, {"title": title, "slug": "sn"})
    return translated


def test_the_names_give_the_new_urls_under_each_language_prefix():
    for code in ("fr", "en", "ar"):
        with translation.override(code):
            assert reverse("exchange:learn_from_practice", args=[12]) == (
                f"/{code}/exchange/learn/practice/12/"
            )
            assert reverse("exchange:learn_from_country", args=[7]) == (
                f"/{code}/exchange/learn/country/7/"
            )


@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_the_practice_form_is_served_and_sent_in_each_language(client, practices, code):
    page = practices[code]
    url = f"/{code}/exchange/learn/practice/{page.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert TITLES[code] in html and f'action="{url}"' in html
    assert f'lang="{code}"' in html
    assert "no-cache" in form["Cache-Control"]

    response = client.post(url, request_data())
    assert response.status_code == 303 and response["Location"] == url + "?sent=1"
    assert client.get(response["Location"]).status_code == 200
    saved = ExchangeRequest.objects.get()
    assert (saved.practice_id, saved.country, saved.language) == (page.pk, "MA", code)
    confirmation = next(m for m in mail.outbox if m.to == ["mamadou.sow@example.org"])
    assert confirmation.extra_headers["Content-Language"] == code


@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_the_country_form_is_served_and_sent_in_each_language(client, country_pages, code):
    page = country_pages[code]
    url = f"/{code}/exchange/learn/country/{page.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert page.title in form.content.decode() and f'action="{url}"' in form.content.decode()

    response = client.post(url, request_data())
    assert response.status_code == 303 and response["Location"] == url + "?sent=1"
    saved = ExchangeRequest.objects.get()
    assert (saved.practice, saved.country, saved.language) == (None, "SN", code)


def test_the_pages_link_to_the_new_urls(client, practices, country_pages):
    for code in ("fr", "ar"):
        practice, country = practices[code], country_pages[code]
        html = client.get(practice.url).content.decode()
        assert f'href="/{code}/exchange/learn/practice/{practice.pk}/"' in html
        html = client.get(country.url).content.decode()
        assert f'href="/{code}/exchange/learn/country/{country.pk}/"' in html


def test_a_page_that_is_not_live_not_of_that_kind_or_not_in_that_language_is_not_found(
    client, practices, country_pages
):
    practice, country = practices["fr"], country_pages["fr"]
    assert client.get(f"/fr/exchange/learn/practice/{country.pk}/").status_code == 404
    assert client.get(f"/fr/exchange/learn/country/{practice.pk}/").status_code == 404
    assert client.get(f"/en/exchange/learn/practice/{practice.pk}/").status_code == 404
    assert client.get("/fr/exchange/learn/practice/999999/").status_code == 404
    assert client.post(f"/en/exchange/learn/country/{country.pk}/").status_code == 404
    practice.unpublish()
    url = f"/fr/exchange/learn/practice/{practice.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, request_data()).status_code == 404
    assert ExchangeRequest.objects.count() == 0


@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_the_old_learn_routes_redirect_permanently(client, practices, country_pages, code):
    cases = [
        (practices[code], f"/{code}/exchange/learn/practice/{practices[code].pk}/"),
        (country_pages[code], f"/{code}/exchange/learn/country/{country_pages[code].pk}/"),
    ]
    for page, new_url in cases:
        old_url = page.url + "learn/"
        assert old_url.startswith(f"/{code}/")
        for method in (client.get, client.head):
            response = method(old_url)
            assert (response.status_code, response["Location"]) == (301, new_url)
        response = client.post(old_url, request_data())
        assert (response.status_code, response["Location"]) == (308, new_url)
    assert ExchangeRequest.objects.count() == 0, "a redirect saves nothing itself"


def test_the_redirect_keeps_the_query_string(client, practices, country_pages):
    practice, country = practices["fr"], country_pages["fr"]
    response = client.get(practice.url + "learn/?sent=1")
    assert response.status_code == 301
    assert response["Location"] == f"/fr/exchange/learn/practice/{practice.pk}/?sent=1"
    response = client.post(country.url + "learn/?from=newsletter&x=%C3%A9", request_data())
    assert response.status_code == 308
    assert response["Location"] == (
        f"/fr/exchange/learn/country/{country.pk}/?from=newsletter&x=%C3%A9"
    )


def test_a_form_posted_to_an_old_page_is_not_lost(client, practices):
    practice = practices["fr"]
    response = client.post(practice.url + "learn/", request_data(), follow=True)
    assert [status for _url, status in response.redirect_chain] == [308, 303]
    assert response.status_code == 200
    assert ExchangeRequest.objects.get().practice_id == practice.pk


def test_a_page_behind_a_login_keeps_its_form_behind_it(client, practices):
    from wagtail.models import PageViewRestriction

    practice = practices["fr"]
    PageViewRestriction.objects.create(page=practice, restriction_type="login")
    url = f"/fr/exchange/learn/practice/{practice.pk}/"
    for response in (client.get(url), client.post(url, request_data())):
        assert response.status_code == 302 and "login" in response["Location"]
    assert ExchangeRequest.objects.count() == 0
