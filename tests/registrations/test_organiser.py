"""The organiser's screens: who may see them, the actions and what they send, exports."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from openpyxl import load_workbook

from registrations.models import Registration
from registrations.states import Status
from tests.registering import register_and_confirm

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def staff(username, group=None, superuser=False):
    user = User.objects.create_user(username, f"{username}@example.org", "x" * 16)
    user.is_superuser = superuser
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def organiser(forum):
    user = staff("organiser", "Event organisers")
    forum.registration_managers.add(user)
    forum.save()  # a parental many-to-many is written when the page is saved
    return user


@pytest.fixture
def crowd(client, forum):
    """Three confirmed, two waiting (capacity 3)."""
    people = [
        register_and_confirm(client, forum, email=f"p{n}@example.org", country=c)
        for n, c in enumerate(["SN", "SN", "CI", "ML", "MA"])
    ]
    mail.outbox.clear()
    return people


def url(forum, suffix=""):
    return f"/admin/registrations/{forum.pk}/{suffix}"


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Event organisers", "Translators"])
def test_people_not_named_on_the_event_get_403(client, forum, crowd, group):
    client.force_login(staff("someone", group))
    for path in [url(forum), url(forum, f"{crowd[0].pk}/"), url(forum, "export.csv")]:
        assert client.get(path).status_code == 403
    response = client.post(url(forum), {"single": f"reject:{crowd[0].pk}"})
    assert response.status_code == 403
    assert Registration.objects.get(pk=crowd[0].pk).status == Status.CONFIRMED
    assert forum.title not in client.get("/admin/registrations/").content.decode()


def test_an_organiser_sees_counts_filters_and_search(client, forum, crowd, organiser):
    client.force_login(organiser)
    html = client.get(url(forum)).content.decode()
    assert "5 inscriptions" in html or "5 registrations" in html
    assert "p4@example.org" in html
    filtered = client.get(url(forum), {"status": "waitlisted"}).content.decode()
    assert "p3@example.org" in filtered and "p0@example.org" not in filtered
    searched = client.get(url(forum), {"q": "P2@EXAMPLE"}).content.decode()
    assert "p2@example.org" in searched and "p1@example.org" not in searched
    by_country = client.get(url(forum), {"country": "SN"}).content.decode()
    assert "p0@example.org" in by_country and "p2@example.org" not in by_country
    assert client.get(url(forum), {"status": "nonsense", "p": "999"}).status_code == 200
    assert forum.title in client.get("/admin/registrations/").content.decode()


def test_single_and_bulk_actions_send_the_right_mail_and_are_logged(
    client, forum, crowd, organiser
):
    client.force_login(organiser)
    response = client.post(url(forum), {"single": f"reject:{crowd[0].pk}"})
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p0@example.org"] == Status.REJECTED
    assert statuses["p3@example.org"] == Status.CONFIRMED, "the freed seat went to the first"
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["p0@example.org"].startswith("Votre inscription")
    assert subjects["p3@example.org"].startswith("Une place s’est libérée")

    mail.outbox.clear()
    ids = [str(p.pk) for p in crowd[1:3]]
    client.post(url(forum), {"action": "attended", "ids": ids})
    assert set(Registration.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        Status.ATTENDED
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["p1@example.org", "p2@example.org"]

    log = Registration.objects.get(pk=crowd[0].pk).log.order_by("pk")
    assert [(e.from_status, e.to_status, e.actor) for e in log] == [
        ("", Status.PENDING_EMAIL, None),
        (Status.PENDING_EMAIL, Status.CONFIRMED, None),
        (Status.CONFIRMED, Status.REJECTED, organiser),
    ]
    detail = client.get(url(forum, f"{crowd[0].pk}/")).content.decode()
    assert "organiser" in detail


def test_approving_beyond_the_capacity_is_refused_with_a_message(client, forum, crowd, organiser):
    client.force_login(organiser)
    response = client.post(url(forum), {"single": f"approve:{crowd[4].pk}"}, follow=True)
    assert Registration.objects.get(pk=crowd[4].pk).status == Status.WAITLISTED
    assert "R-" in response.content.decode()
    assert mail.outbox == []


def test_exports_in_csv_and_xlsx_follow_the_filters(client, forum, crowd, organiser):
    Registration.objects.filter(pk=crowd[0].pk).update(organisation='=HYPERLINK("x")')
    client.force_login(organiser)
    response = client.get(url(forum, "export.csv"), {"status": "confirmed"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Référence", "Statut", "Nom complet", "Adresse e-mail"]
    assert sorted(row[3] for row in rows[1:]) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert '\'=HYPERLINK("x")' in [row[6] for row in rows[1:]]

    response = client.get(url(forum, "export.xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 6
    assert values[1][3] == "p0@example.org"
    assert client.get(url(forum, "export.pdf")).status_code == 404


def test_administrators_see_every_event_with_registrations(client, forum, crowd):
    client.force_login(staff("admin", superuser=True))
    assert client.get(url(forum)).status_code == 200
    assert forum.title in client.get("/admin/registrations/").content.decode()


def _queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_registrations_page_costs_the_same_queries_for_5_or_40_people(client, forum, organiser):
    from registrations.models import Registration as R

    def add(count, start):
        R.objects.bulk_create(
            R(
                event=forum,
                language="fr",
                full_name=f"Person {n}",
                email=f"n{n}@example.org",
                country="SN",
                category="government",
                consented_at=forum.starts_at,
                status=Status.WAITLISTED,
            )
            for n in range(start, start + count)
        )

    client.force_login(organiser)
    add(5, 0)
    _queries(client, url(forum))  # warm the admin's own caches
    few = _queries(client, url(forum))
    add(35, 5)
    assert _queries(client, url(forum)) == few


def test_the_event_editor_links_to_the_registrations_for_their_managers(client, forum, organiser):
    from tests.registering import page_in

    link = f'href="/admin/registrations/{forum.pk}/"'
    client.force_login(organiser)
    for code in ("fr", "en"):
        page = client.get(f"/admin/pages/{page_in(forum, code).pk}/edit/").content.decode()
        assert link in page, code
    other = staff("other_organiser", "Event organisers")
    client.force_login(other)
    assert link not in client.get(f"/admin/pages/{forum.pk}/edit/").content.decode()


def test_the_detail_and_exports_name_the_interpretation_language(client, forum, crowd, organiser):
    client.force_login(organiser)
    detail = client.get(url(forum, f"{crowd[0].pk}/")).content.decode()
    assert "Langue d’interprétation" in detail and "<dd>Français</dd>" in detail
    response = client.get(url(forum, "export.csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    column = rows[0].index("Langue d’interprétation")
    assert {row[column] for row in rows[1:]} == {"Français"}


def test_xlsx_exports_hold_real_dates(client, forum, crowd, organiser):
    from datetime import datetime

    client.force_login(organiser)
    sheet = load_workbook(io.BytesIO(client.get(url(forum, "export.xlsx")).content)).active
    registered = sheet.cell(row=2, column=14)  # "Registered"
    assert isinstance(registered.value, datetime)
    assert registered.is_date and "yy" in registered.number_format


def test_managers_get_one_notice_for_a_burst_of_registrations_awaiting_approval(
    client, forum, organiser
):
    from datetime import timedelta

    from django.utils import timezone

    from registrations.approvals import send_approval_notices

    forum.approval_required = True
    forum.save()
    for n in range(3):
        register_and_confirm(client, forum, email=f"a{n}@example.org")
    notices = [m for m in mail.outbox if m.to == [organiser.email]]
    assert len(notices) == 1, [m.subject for m in notices]
    assert notices[0].subject.startswith("1 ") and forum.title in notices[0].subject
    assert f"/admin/registrations/{forum.pk}/?status=pending_approval" in notices[0].body

    mail.outbox.clear()
    assert send_approval_notices() == 0, "within the hour: nothing more"
    later = timezone.now() + timedelta(minutes=61)
    assert send_approval_notices(now=later) == 1
    assert [m.subject.split()[0] for m in mail.outbox] == ["3"]
    assert send_approval_notices(now=later + timedelta(hours=2)) == 0, "nothing new since"


def test_the_dashboard_lists_the_events_i_manage_with_counts_at_a_constant_cost(
    client, forum, calendar_page, crowd, organiser
):
    from tests.factories import at, make_event

    client.force_login(organiser)
    html = client.get("/admin/").content.decode()
    assert "managed-events" in html and forum.title in html
    assert f'href="/admin/registrations/{forum.pk}/"' in html
    few = _queries(client, "/admin/")
    for n in range(4):
        other = make_event(calendar_page, f"Atelier {n}", at(2027, 5, 1 + n), slug=f"atelier-{n}")
        other.registration_managers.add(organiser)
    assert "Atelier 3" in client.get("/admin/").content.decode()
    assert _queries(client, "/admin/") == few

    client.force_login(staff("nobody", "Event organisers"))
    assert "managed-events" not in client.get("/admin/").content.decode()
