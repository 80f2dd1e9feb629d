"""The admin home tells those who work the exchange queue what is open: a focal point
their country's requests, a moderator every request; nobody else sees the panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from exchange import workflow
from exchange.models import FocalPoint
from exchange.models.requests import RequestStatus
from tests.asking import submitted_request as ask
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PANEL = 'id="open-exchange-requests-section"'


def staff(username, groups=()):
    account = UserFactory(username=username, groups=list(groups))
    UserProfile.objects.update_or_create(user=account, defaults={"preferred_language": "en"})
    return account


def name_on(countries, code, account):
    point = FocalPoint.objects.get(page=countries[1][code])
    point.user = account
    point.save()
    return account


def home(client, account):
    client.force_login(account)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_focal_point_sees_the_open_requests_of_their_country(client, countries):
    dakar, thies = ask("SN", institution="Ville de Dakar"), ask("SN", institution="Ville de Thiès")
    closed, rabat = (
        ask("SN", institution="Ville de Saint-Louis"),
        ask("MA", institution="Ville de Rabat"),
    )
    workflow.move(thies, RequestStatus.IN_DISCUSSION, None)
    workflow.move(closed, RequestStatus.CLOSED, None)

    page = home(client, name_on(countries, "SN", staff("fatou")))

    assert PANEL in page
    assert "New: 1" in page and "In discussion: 1" in page and "Planned: 0" in page
    assert "/admin/exchange-requests/?status=new" in page
    for shown in (dakar, thies):
        assert f"/admin/exchange-requests/{shown.pk}/" in page
    for hidden in (closed, rabat):
        assert f"/admin/exchange-requests/{hidden.pk}/" not in page
    assert "Ville de Rabat" not in page


def test_a_moderator_sees_every_open_request_and_others_no_panel(client, countries):
    senegal, morocco = ask("SN"), ask("MA")

    page = home(client, staff("moderator", ["Moderators"]))
    assert PANEL in page and "New: 2" in page
    assert f"/{senegal.pk}/" in page and f"/{morocco.pk}/" in page
    for other in ("Editors", "Translators", "Event organisers"):
        assert PANEL not in home(client, staff(f"someone-{other}", [other]))


def test_a_focal_point_with_nothing_open_is_told_so(client, countries):
    ask("SN")
    page = home(client, name_on(countries, "MA", staff("karim")))
    assert PANEL in page and "No open exchange request." in page


def test_the_panel_costs_the_same_queries_for_one_request_or_many(client, countries):
    moderator = staff("moderator", ["Moderators"])
    ask("SN")
    home(client, moderator)
    with CaptureQueriesContext(connection) as one:
        home(client, moderator)
    for number in range(8):
        ask("SN" if number % 2 else "MA", f"Commune {number}")
    with CaptureQueriesContext(connection) as nine:
        page = home(client, moderator)
    assert "New: 9" in page
    assert len(nine) == len(one), [q["sql"] for q in nine.captured_queries]
