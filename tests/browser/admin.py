"""Working in the admin as the people who do: one account per editorial group, each with
the admin in their own language, logged in through the real login form."""

from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

PASSWORD = "correct horse battery"
PHONE = {"width": 390, "height": 844}


def staff_member(username, group, language="fr", **fields):
    """A non-superuser of `group` (or of none: a focal point's group follows from the
    country pages that name them) whose admin speaks `language`."""
    user = UserFactory(username=username, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.locator("html")).to_have_attribute(
        "lang", UserProfile.get_for_user(user).preferred_language
    )


def log_out(page):
    page.context.clear_cookies()


def fits_the_screen(page):
    """No sideways scrolling: the page is no wider than the window."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
