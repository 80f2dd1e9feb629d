import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from exchange.models import BilateralAgreement, ExchangeRequest, PolicyDocument
from practices.taxonomy import Organisation, Theme
from registrations.models import Registration
from website.models import FooterText, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def everything_seeded():
    """How many of each kind of thing the demo makes: pages (practices, events, countries
    among them), snippets, documents, registrations and exchange requests."""
    models = [Page, FooterText, Theme, Organisation, BilateralAgreement, PolicyDocument]
    models += [Registration, ExchangeRequest]
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_builds_the_tree_in_three_languages_and_is_idempotent():
    call_command("seed_demo")
    counts = everything_seeded()
    call_command("seed_demo")
    assert everything_seeded() == counts

    homes = HomePage.objects.live()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == ["ar", "en", "fr"]
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "fr"
    pages = StandardPage.objects.live()
    assert sorted(pages.values_list("locale__language_code", "slug")) == [
        ("ar", "about"),
        ("ar", "data-protection"),
        ("en", "about"),
        ("en", "data-protection"),
        ("fr", "a-propos"),
        ("fr", "protection-des-donnees"),
    ]
    assert not Page.objects.filter(depth=2).exclude(content_type__model="homepage").exists(), (
        "Wagtail's welcome page is replaced"
    )


@pytest.mark.sweep  # once: the idempotent seeding is proved on both databases above
def test_seed_demo_keeps_what_editors_changed(site_tree):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    about.title = "About the exchange"
    about.save_revision().publish()
    call_command("seed_demo")
    about.refresh_from_db()
    assert about.title == "About the exchange"


def test_dev_admin_prints_a_fresh_password_that_logs_in(client, settings, capsys):
    settings.DEBUG = True
    call_command("dev_admin")
    first = capsys.readouterr().out.split("password: ")[1].split()[0]
    call_command("dev_admin")
    second = capsys.readouterr().out.split("password: ")[1].split()[0]
    assert first != second
    refused = client.post("/admin/login/", {"username": "admin", "password": first})
    assert "_auth_user_id" not in client.session
    assert refused.status_code == 200
    client.post("/admin/login/", {"username": "admin", "password": second})
    assert client.session["_auth_user_id"]
