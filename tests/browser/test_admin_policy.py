"""The Wagtail admin works under its Content-Security-Policy: the browser refuses nothing
that the login, the dashboard, the editors and the preview need."""

import pytest

from tests.factories import UserFactory, make_practice
from website.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def refusals(page):
    """What the browser reports refusing under the page's policies, as it happens."""
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    return [messages]


def refused(messages):
    return [m for m in messages[0] if "Content Security Policy" in m or "Permissions" in m]


def test_the_admin_runs_under_its_policy_without_a_refusal(live_server, browser_page, library):
    UserFactory(username="editor-ma", groups=["Editors"])  # not a superuser: an editor
    practice = make_practice(library, "Guichet unique pour la diaspora")
    arabic_home = HomePage.objects.get(locale__language_code="ar")
    page = browser_page
    messages = refusals(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor-ma")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert refused(messages) == []

    for path in (
        f"/admin/pages/{practice.pk}/edit/",
        f"/admin/pages/{arabic_home.pk}/edit/",
        "/admin/images/",
        "/admin/reports/searches-without-results/",
    ):
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert response.status == 200 and page.url == live_server.url + path, path
        assert refused(messages) == [], path

    home = HomePage.objects.get(locale__language_code="fr")
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("iframe#w-preview-iframe")
    preview.locator("main#main").wait_for(state="attached")
    assert preview.locator(".error-page").count() == 0
    assert refused(messages) == []
