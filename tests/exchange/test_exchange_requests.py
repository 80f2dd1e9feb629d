"""Asking to learn from a practice or a country, and the moderation queue behind it."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from wagtail.users.models import UserProfile

from exchange.models import ExchangeRequest, FocalPoint
from exchange.models.requests import RequestStatus
from tests.asking import request_data
from tests.factories import at, make_event, make_practice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def learn_url(practice):
    return f"/fr/exchange/learn/practice/{practice.pk}/"


@pytest.fixture
def practice(library, countries):
    return make_practice(library, "Centre d’Oujda", countries=["MA"])


def test_a_request_from_a_practice_is_saved_confirmed_and_notified(client, practice, countries):
    response = client.post(learn_url(practice), request_data())
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    saved = ExchangeRequest.objects.get()
    assert (saved.country, saved.practice_id, saved.status) == ("MA", practice.pk, "new")
    assert saved.log.count() == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["focal.ma@example.org", "mamadou.sow@example.org"]
    confirmation = next(m for m in mail.outbox if m.to == ["mamadou.sow@example.org"])
    assert saved.reference in confirmation.subject
    notice = next(m for m in mail.outbox if m.to == ["focal.ma@example.org"])
    assert "mamadou.sow@example.org" not in notice.body, "contact details stay in the admin"


def test_a_request_from_a_country_page_in_english_is_confirmed_in_english(client, countries):
    from wagtail.models import Locale

    _index, pages = countries
    from demo.site import ensure_translation

    english = ensure_translation(pages["SN"], "en", {"title": "Senegal", "slug": "senegal"})
    assert english.locale == Locale.objects.get(language_code="en")
    url = f"/en/exchange/learn/country/{english.pk}/"
    assert client.post(url, request_data()).status_code == 303
    assert ExchangeRequest.objects.get().country == "SN"
    confirmation = next(m for m in mail.outbox if m.to == ["mamadou.sow@example.org"])
    assert confirmation.extra_headers["Content-Language"] == "en"
    assert confirmation.subject.startswith("Your exchange request")


@pytest.mark.parametrize(
    "overrides",
    [
        {"institution": ""},
        {"email": "nope"},
        {"requester_country": "XX"},
        {"preferred_format": "teleportation"},
        {"wants_to_learn": "x" * 2001},
        {"consent": None},
    ],
)
def test_bad_input_is_a_400_and_nothing_saved(client, practice, overrides):
    response = client.post(learn_url(practice), request_data(**overrides))
    assert response.status_code == 400
    assert ExchangeRequest.objects.count() == 0 and mail.outbox == []


def test_honeypot_and_rate_limit(client, practice, settings):
    response = client.post(learn_url(practice), request_data(website="spam"))
    assert response.status_code == 400
    settings.REGISTRATION_SUBMISSIONS_PER_EMAIL = 1
    assert client.post(learn_url(practice), request_data()).status_code == 303
    response = client.post(learn_url(practice), request_data())
    assert response.status_code == 429
    assert "Commune de Ziguinchor" in response.content.decode()
    assert ExchangeRequest.objects.count() == 1


def user(name, group=None):
    """A staff account whose admin speaks English, so that tests read its messages."""
    account = User.objects.create_user(name, f"{name}@example.org", "x" * 16)
    if group:
        account.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=account, defaults={"preferred_language": "en"})
    return account


def test_the_queue_shows_requests_to_moderators_and_the_country_focal_points_only(
    client, practice, countries
):
    client.post(learn_url(practice), request_data())
    request = ExchangeRequest.objects.get()
    focal_ma, focal_sn = user("focal_ma", "Editors"), user("focal_sn", "Editors")
    _index, pages = countries
    FocalPoint.objects.filter(page=pages["MA"]).update(user=focal_ma)
    FocalPoint.objects.filter(page=pages["SN"]).update(user=focal_sn)
    detail = f"/admin/exchange-requests/{request.pk}/"

    for allowed in (user("moderator", "Moderators"), focal_ma):
        client.force_login(allowed)
        assert client.get(detail).status_code == 200
        assert "mamadou.sow@example.org" in client.get(detail).content.decode()
        assert request.reference in client.get("/admin/exchange-requests/").content.decode()
    for refused in (focal_sn, user("editor", "Editors"), user("organiser", "Event organisers")):
        client.force_login(refused)
        assert client.get(detail).status_code == 403
        assert client.post(detail, {"status": "closed"}).status_code == 403
        assert request.reference not in client.get("/admin/exchange-requests/").content.decode()
    assert ExchangeRequest.objects.get().status == RequestStatus.NEW


def test_moderators_move_a_request_to_a_planned_event_and_each_step_is_logged(
    client, practice, calendar_page
):
    client.post(learn_url(practice), request_data())
    request = ExchangeRequest.objects.get()
    event = make_event(calendar_page, "Visite d’étude à Oujda", at(2027, 9, 20))
    moderator = user("moderator", "Moderators")
    client.force_login(moderator)
    detail = f"/admin/exchange-requests/{request.pk}/"
    mail.outbox.clear()

    client.post(detail, {"status": "planned"})
    assert ExchangeRequest.objects.get().status == RequestStatus.NEW, "not from new"
    client.post(detail, {"status": "in_discussion"})
    client.post(detail, {"status": "planned", "event": str(event.pk)})
    client.post(detail, {"status": "closed"})
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED and request.resulting_event == event
    steps = [(e.from_status, e.to_status, e.actor) for e in request.log.order_by("pk")]
    assert steps == [
        ("", "new", None),
        ("new", "in_discussion", moderator),
        ("in_discussion", "planned", moderator),
        ("planned", "closed", moderator),
    ]
    assert len(mail.outbox) == 3 and event.full_url in mail.outbox[1].body


@pytest.mark.parametrize("event", [None, "999999", "x"])
def test_a_request_is_not_planned_without_its_event(client, practice, event):
    client.post(learn_url(practice), request_data())
    request = ExchangeRequest.objects.get()
    client.force_login(user("moderator", "Moderators"))
    detail = f"/admin/exchange-requests/{request.pk}/"
    client.post(detail, {"status": "in_discussion"})
    mail.outbox.clear()

    response = client.post(detail, {"status": "planned", "event": event or ""})

    assert response.status_code == 400
    assert "Choose the event planned for this request" in response.content.decode()
    assert ExchangeRequest.objects.get().status == RequestStatus.IN_DISCUSSION
    assert mail.outbox == [], "the requester is told nothing"


def test_an_exchange_request_is_saved_and_mailed_when_redis_is_down(
    client, practice, redis_and_broker_down
):
    response = client.post(learn_url(practice), request_data())
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    assert ExchangeRequest.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "focal.ma@example.org",
        "mamadou.sow@example.org",
    ]
