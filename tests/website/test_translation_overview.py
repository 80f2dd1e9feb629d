"""Editors, moderators and translators see where every page's translations stand."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from demo.site import ensure_translation
from tests.factories import UserFactory, make_practice
from website.bootstrap import EDITORS, EVENT_ORGANISERS, TRANSLATORS

pytestmark = pytest.mark.django_db


def cells(response, language):
    """Status of each row's cell in `language`, in row order."""
    html = response.content.decode()
    marker = f'data-language="{language}" data-status="'
    return [part.split('"', 1)[0] for part in html.split(marker)[1:]]


@pytest.fixture
def practices(library):
    ensure_translation(library, "ar", {"title": "ممارسات", "slug": "mumarasat"})
    translated = make_practice(library, "Guichet unique", countries=["SN"])
    ensure_translation(translated, "ar", {"title": "الشباك الموحد", "slug": "shubbak"})
    make_practice(library, "Bourse diaspora", countries=["MA"])
    return translated


def test_overview_shows_missing_live_and_out_of_date(client, practices):
    client.force_login(UserFactory(groups=[EDITORS]))
    url = reverse("translation_overview")
    practice_type = practices.content_type_id
    response = client.get(url, {"type": practice_type, "language": "ar"})
    assert cells(response, "ar") == ["live", "missing"]

    practices.summary = "Nouveau résumé."
    practices.save_revision().publish()
    response = client.get(url, {"type": practice_type, "language": "ar", "country": "SN"})
    assert cells(response, "ar") == ["live out-of-date"]


def test_overview_query_count_does_not_grow_with_pages(client, practices, library):
    client.force_login(UserFactory(groups=[TRANSLATORS]))
    url = reverse("translation_overview")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        make_practice(library, f"Pratique {number}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(cells(response, "ar")) > 5
    assert len(many) == len(few)


def test_overview_is_for_the_editorial_groups_only(client, practices):
    client.force_login(UserFactory(groups=[EVENT_ORGANISERS]))
    assert client.get(reverse("translation_overview")).status_code != 200


def test_translators_home_counts_what_is_left_in_their_language(client, practices):
    translator = UserFactory(groups=[TRANSLATORS])
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "translations-to-do-heading" in html
    assert "language=ar&amp;status=missing" in html
    assert "language=en&amp;status=missing" not in html
