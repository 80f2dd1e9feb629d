import re

import pytest
from django.test import RequestFactory, override_settings

from tests.factories import UserFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/fr/", "/ar/about/", "/en/no-such-page/", "/fr/bonnes-pratiques/"]
)
def test_public_pages_need_no_inline_script_or_style(client, site_tree, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    html = response.content.decode()
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "object-src 'none'" in policy
    # Anything inline would be blocked by that policy, so the page must not rely on it
    # (JSON-LD data blocks are not scripts a browser runs).
    assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", html)
    assert "<style" not in html
    assert " style=" not in html


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values for name, _, values in (d.strip().partition(" ") for d in policy.split(";"))
    }


@pytest.mark.parametrize("path", ["/fr/", "/admin/login/"])
def test_security_headers_are_sent(client, site_tree, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in features


def test_the_admin_login_has_a_policy_that_loads_nothing_from_elsewhere(client):
    policy = directives(client.get("/admin/login/"))
    assert policy["default-src"] == policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert not any("http" in values or "*" in values for values in policy.values())


def framing(response):
    return response["X-Frame-Options"], directives(response)["frame-ancestors"]


def test_frame_rules_agree_the_public_site_is_never_framed_and_the_admin_only_by_itself(
    client, site_tree
):
    assert framing(client.get("/fr/")) == ("DENY", "'none'")
    assert framing(client.get("/en/no-such-page/")) == ("DENY", "'none'")
    assert framing(client.get("/admin/login/")) == ("SAMEORIGIN", "'self'")
    # The preview the admin frames is the public page passed through the middleware again.
    home = HomePage.objects.get(locale__language_code="fr")
    preview = home.make_preview_request(RequestFactory().get("/admin/pages/"))
    assert preview.status_code == 200
    assert framing(preview) == ("SAMEORIGIN", "'self'")


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_is_locked_after_repeated_failures(client):
    UserFactory(username="editor-ma", is_staff=True)
    for _attempt in range(3):
        response = client.post(
            "/admin/login/", {"username": "editor-ma", "password": "wrong password"}
        )
    response = client.post(
        "/admin/login/", {"username": "editor-ma", "password": "correct horse battery"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_still_works_after_a_single_mistake(client):
    UserFactory(username="editor-sn", is_staff=True, groups=["Editors"])
    client.post("/admin/login/", {"username": "editor-sn", "password": "wrong password"})
    response = client.post(
        "/admin/login/", {"username": "editor-sn", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
