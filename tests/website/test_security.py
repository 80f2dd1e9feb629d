import re

import pytest
from django.test import override_settings

from tests.factories import UserFactory

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


def test_security_headers_are_sent(client, site_tree):
    response = client.get("/fr/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


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
