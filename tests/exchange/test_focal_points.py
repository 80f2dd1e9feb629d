"""A focal point named on a country page works the country's exchange requests in the
admin: naming their account there is what lets them in, taking it off shuts them out."""

import pytest
from wagtail.models import PageLogEntry

from exchange.models import CountryPage
from tests.factories import UserFactory
from website.bootstrap import FOCAL_POINTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def name_focal_point(page, user):
    """What a moderator does: set the account on the page's focal point and publish."""
    page = CountryPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    point = page.focal_points.all()[0]
    point.user = user
    page.focal_points = [point]
    page.save_revision().publish()


def in_group(user):
    return user.groups.filter(name=FOCAL_POINTS).exists()


def test_a_focal_point_named_on_a_country_page_logs_in_and_sees_the_queue(client, countries):
    _index, pages = countries
    person = UserFactory(username="fatou")
    client.force_login(person)
    assert client.get("/admin/").status_code == 302, "not yet a focal point"

    name_focal_point(pages["SN"], person)

    assert in_group(person)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/exchange-requests/").status_code == 200
    edit = client.get(f"/admin/pages/{pages['SN'].pk}/edit/")
    assert edit.status_code in (302, 403), "a focal point does not edit pages"


def test_taking_a_focal_point_off_shuts_them_out_unless_named_elsewhere(client, countries):
    _index, pages = countries
    person = UserFactory(username="fatou")
    name_focal_point(pages["SN"], person)
    name_focal_point(pages["MA"], person)
    client.force_login(person)

    name_focal_point(pages["SN"], None)
    assert in_group(person) and client.get("/admin/").status_code == 200, "still Morocco's"

    name_focal_point(pages["MA"], None)
    assert not in_group(person)
    assert client.get("/admin/").status_code == 302


def test_replacing_a_focal_point_moves_the_access_to_the_new_account(countries):
    _index, pages = countries
    before, after = UserFactory(username="fatou"), UserFactory(username="ousmane")
    name_focal_point(pages["SN"], before)
    name_focal_point(pages["SN"], after)
    assert (in_group(before), in_group(after)) == (False, True)


def test_deleting_a_country_page_takes_its_focal_point_out(countries):
    _index, pages = countries
    person = UserFactory(username="fatou")
    name_focal_point(pages["SN"], person)
    CountryPage.objects.get(pk=pages["SN"].pk).delete()
    assert not in_group(person)


def test_only_administrators_name_the_account_and_each_change_is_logged(client, countries):
    _index, pages = countries
    edit = f"/admin/pages/{pages['SN'].pk}/edit/"
    client.force_login(UserFactory(username="editor", groups=["Editors"]))
    assert 'name="focal_points-0-user"' not in client.get(edit).content.decode()
    client.force_login(UserFactory(username="moderator", groups=["Moderators"]))
    assert 'name="focal_points-0-user"' not in client.get(edit).content.decode()
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert 'name="focal_points-0-user"' in client.get(edit).content.decode()

    name_focal_point(pages["SN"], UserFactory(username="fatou"))
    name_focal_point(pages["SN"], None)

    history = PageLogEntry.objects.filter(page=pages["SN"]).order_by("pk")
    actions = [(entry.action, entry.data["person"]) for entry in history if "focal" in entry.action]
    assert actions == [
        ("exchange.focal_point_named", "fatou"),
        ("exchange.focal_point_unnamed", "fatou"),
    ]
