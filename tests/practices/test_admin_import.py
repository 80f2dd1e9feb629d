"""Editors import practices in the admin: upload, read the dry run, import drafts, submit
them all for moderation; bad files get a clear message, never an error page."""

import json
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from practices.admin_import import MAX_FILE_BYTES
from practices.models import PracticePage
from tests.factories import UserFactory
from website.bootstrap import EDITORS, EVENT_ORGANISERS, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

HEADER = "external_id,locale,title,summary,countries,themes,start_year,status,results"
GOOD = (
    "guichet-ma,fr,Guichet unique pour la diaspora,Un seul accueil.,MA,diaspora,2019,ongoing,"
    "300=jeunes accueillis\n"
    "guichet-ma,en,One-stop shop for the diaspora,,,,,,300=young people welcomed\n"
    "bourses-sn,fr,Bourses de retour,Appui au retour.,SN,health,2020,ongoing,\n"
)
BAD_YEAR = GOOD.replace("SN,health,2020", "SN,health,deux-mille")


def csv_file(body, name="pratiques.csv"):
    return SimpleUploadedFile(name, f"{HEADER}\n{body}".encode(), content_type="text/csv")


def staff(group, language="fr"):
    user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def upload(client, file):
    return client.post(reverse("practices_import"), {"file": file})


@pytest.fixture
def editor(client, library):
    user = staff(EDITORS)
    client.force_login(user)
    return user


def test_an_editor_reads_the_dry_run_then_imports_drafts_she_owns(client, editor):
    response = upload(client, csv_file(BAD_YEAR))
    assert response.status_code == 302
    check = client.get(response.url)
    assert errors(check) == [["4", "start_year", "« deux-mille » n'est pas une année"]]
    assert confirm_form not in check.content.decode()
    assert not PracticePage.objects.filter(external_id__in=["guichet-ma", "bourses-sn"]).exists()

    check = client.get(upload(client, csv_file(GOOD)).url)
    assert errors(check) == [] and confirm_form in check.content.decode()
    assert "3" in check.content.decode().split("dry-run-title")[2].split("<form")[0]
    assert not PracticePage.objects.filter(external_id="guichet-ma").exists()

    response = client.post(reverse("practices_import_confirm"))
    imported = PracticePage.objects.filter(external_id__in=["guichet-ma", "bourses-sn"])
    assert imported.count() == 3
    assert all(not page.live and page.owner == editor for page in imported)
    assert {page.latest_revision.user for page in imported} == {editor}
    assert response.url.startswith(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "submit"])
    )
    # The file is not kept once imported: confirming again imports nothing twice.
    again = client.post(reverse("practices_import_confirm"))
    assert again.url == reverse("practices_import") and imported.count() == 3


confirm_form = f'action="{reverse("practices_import_confirm")}"'


def errors(response):
    """The dry run's table of errors: row, column, problem."""
    html = response.content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""
    return [
        [unescape(strip_tags(cell.split("</td>")[0])) for cell in row.split("<td>")[1:]]
        for row in body.split("<tr>")[1:]
    ]


def test_imported_drafts_go_to_the_moderators_in_one_action(client, editor):
    client.get(upload(client, csv_file(GOOD)).url)
    submit_url = client.post(reverse("practices_import_confirm")).url
    confirmation = client.get(submit_url)
    assert confirmation.status_code == 200
    listed = confirmation.content.decode()
    assert all(
        title in listed for title in ("Guichet unique", "One-stop shop", "Bourses de retour")
    )
    response = client.post(submit_url)
    assert response.status_code == 302
    imported = PracticePage.objects.filter(external_id__in=["guichet-ma", "bourses-sn"])
    states = WorkflowState.objects.filter(object_id__in=[str(page.pk) for page in imported])
    assert [state.status for state in states] == [WorkflowState.STATUS_IN_PROGRESS] * 3
    assert all(not page.live for page in imported)

    in_moderation = panel(client.get(reverse("wagtailadmin_home")), "objects-in-workflow")
    assert "Guichet unique pour la diaspora" in in_moderation  # her pages in moderation

    client.force_login(staff(MODERATORS, "ar"))
    awaiting = panel(client.get(reverse("wagtailadmin_home")), "awaiting-review")
    assert all(title in awaiting for title in ("Bourses de retour", "One-stop shop"))


def panel(response, panel_id):
    """The text of one of the dashboard's panels."""
    html = response.content.decode()
    return html.split(f'id="{panel_id}-section"')[1].split("</section>")[0]


def french(message, **values):
    with translation.override("fr"):
        return escape(gettext(message) % values)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pratiques.xlsx", b"PK\x03\x04", "inconnu : utilisez .csv ou .json"),
        (
            "pratiques.csv",
            "external_id,title\nx,Été".encode("latin-1"),
            french("The file is not encoded in UTF-8: save it as UTF-8 text and try again."),
        ),
        ("pratiques.json", b"{not json", "JSON"),
        ("pratiques.json", b'{"a": 1}', "liste d"),
        ("pratiques.csv", b"title\nx\n", "external_id"),
        ("pratiques.csv", b'external_id,title\n"x,' + b"a" * 140_000, "field larger than"),
        (
            "pratiques.csv",
            b"external_id\n" + b"x\n" * (MAX_FILE_BYTES // 2),
            french("The file is larger than %(limit)s MB: split it into several files.", limit=2),
        ),
    ],
)
def test_a_bad_file_gets_a_clear_message(client, editor, name, content, message):
    response = upload(client, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_json_values_of_the_wrong_shape_are_row_errors_not_crashes(client, editor):
    rows = [{"external_id": ["x"], "locale": "fr", "title": {"a": 1}, "countries": "MA"}]
    file = SimpleUploadedFile("p.json", json.dumps(rows).encode())
    check = client.get(upload(client, file).url)
    assert check.status_code == 200
    assert {(row, column) for row, column, _problem in errors(check)} == {
        ("1", "external_id"),
        ("1", "title"),
        ("1", "countries"),
    }


@pytest.mark.parametrize(
    ("group", "allowed"),
    [(EDITORS, True), (MODERATORS, True), (TRANSLATORS, False), (EVENT_ORGANISERS, False)],
)
def test_only_those_who_add_practices_find_the_import(client, library, group, allowed):
    client.force_login(staff(group))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("practices_import") in home) is allowed
    response = client.get(reverse("practices_import"))
    if allowed:
        assert response.status_code == 200
    else:  # Wagtail's answer to a refusal: back to the dashboard, with a message
        assert response.url == reverse("wagtailadmin_home")
