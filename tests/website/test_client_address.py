"""Behind the reverse proxy, every limit counts each visitor on their own address."""

import pytest
from django.test import RequestFactory

from tests.factories import UserFactory
from tests.registering import form_data, register_url
from website.client_address import client_address

PROXY = "10.0.0.2"
VISITOR_A = "203.0.113.7"
VISITOR_B = "198.51.100.23"

pytestmark = pytest.mark.django_db


def through_proxy(visitor, forged=""):
    """What the proxy hands on: its own address, and the visitor's appended to whatever
    X-Forwarded-For the visitor sent."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{forged}{visitor}"}


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (1, through_proxy(VISITOR_A), VISITOR_A),
        (1, through_proxy(VISITOR_A, forged="1.2.3.4, 5.6.7.8, "), VISITOR_A),
        (
            2,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"1.2.3.4, {VISITOR_A}, 10.0.0.9"},
            VISITOR_A,
        ),
        (0, through_proxy(VISITOR_A), PROXY),
        (1, {"REMOTE_ADDR": PROXY}, PROXY),
        (2, through_proxy(VISITOR_A), PROXY),
        (1, through_proxy("not-an-address"), PROXY),
        (1, through_proxy("2001:DB8::1"), "2001:db8::1"),
    ],
)
def test_the_address_is_the_one_the_outermost_trusted_proxy_saw(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(RequestFactory().get("/", **meta)) == expected


def register(client, event, email, meta):
    return client.post(register_url(event), form_data(email=email), **meta)


def test_a_throttled_visitor_does_not_throttle_the_next_one_behind_the_proxy(
    client, forum, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 1
    visitor_a = through_proxy(VISITOR_A)
    assert register(client, forum, "a1@example.org", visitor_a).status_code == 303
    assert register(client, forum, "a2@example.org", visitor_a).status_code == 429
    forged = through_proxy(VISITOR_A, forged="192.0.2.99, ")
    assert register(client, forum, "a3@example.org", forged).status_code == 429
    visitor_b = through_proxy(VISITOR_B)
    assert register(client, forum, "b1@example.org", visitor_b).status_code == 303


def test_without_a_trusted_proxy_a_forged_header_gives_no_fresh_quota(client, forum, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 1
    assert register(client, forum, "a1@example.org", through_proxy(VISITOR_A)).status_code == 303
    response = register(client, forum, "a2@example.org", through_proxy(VISITOR_B))
    assert response.status_code == 429


def login(client, password, visitor):
    return client.post(
        "/admin/login/", {"username": "admin-sn", "password": password}, **through_proxy(visitor)
    )


def test_wrong_passwords_through_the_proxy_lock_out_only_whoever_typed_them(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="admin-sn", is_staff=True, is_superuser=True)
    for _attempt in range(3):
        login(client, "wrong password", VISITOR_A)
    assert login(client, "correct horse battery", VISITOR_A).status_code == 429
    response = login(client, "correct horse battery", VISITOR_B)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_without_a_trusted_proxy_the_header_cannot_dodge_a_lockout(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="admin-sn", is_staff=True, is_superuser=True)
    for _attempt in range(3):
        login(client, "wrong password", VISITOR_A)
    assert login(client, "correct horse battery", VISITOR_B).status_code == 429
