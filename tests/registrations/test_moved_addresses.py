"""The participant's pages moved from the event page's sub-routes to registrations/urls.py:
the old addresses, which e-mails already sent carry, keep working."""

import pytest

from registrations.links import CONFIRM, MANAGE, make_token
from registrations.models import Registration
from registrations.states import Status
from tests.mailbox import last_link, path_of
from tests.registering import form_data, page_in, register_url, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def old_link(registration, purpose, code):
    """A link as the e-mails wrote it before the move."""
    route = "registration/{}/confirm/" if purpose == CONFIRM else "registration/{}/"
    return page_in(registration.event, code).url + route.format(make_token(registration, purpose))


def test_the_old_form_address_redirects_for_good_keeping_the_query(client, forum):
    for code in ("fr", "en", "ar"):
        old = page_in(forum, code).url + "register/"
        response = client.get(old + "?sent=1")
        assert response.status_code == 301
        assert response["Location"] == register_url(forum, code) + "?sent=1"
        assert response["Location"].startswith(f"/{code}/")


def test_a_form_posted_to_the_old_address_is_not_lost(client, forum):
    old = page_in(forum, "en").url + "register/"
    response = client.post(old, form_data())
    assert response.status_code == 308
    assert response["Location"] == register_url(forum, "en")
    response = client.post(old, form_data(), follow=True)
    assert response.redirect_chain[-1][1] == 303
    assert Registration.objects.get().language == "en"


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_confirmation_link_sent_before_the_move_still_confirms(client, forum, code):
    submit(client, forum, code)
    registration = Registration.objects.get()
    page = client.get(old_link(registration, CONFIRM, code), follow=True)
    assert page.redirect_chain[0][1] == 301
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    client.post(page.redirect_chain[-1][0])
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_status_link_sent_before_the_move_still_shows_and_cancels(client, forum):
    submit(client, forum, "fr")
    client.post(path_of(last_link("confirm")))
    registration = Registration.objects.get()
    old = old_link(registration, MANAGE, "fr")
    shown = client.get(old, follow=True)
    assert shown.status_code == 200
    assert registration.reference in shown.content.decode()
    asked = client.post(old, {"action": "cancel"}, follow=True)
    assert asked.status_code == 200, "an old page's cancel button asks first"
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    client.post(asked.redirect_chain[-1][0])
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_new_links_in_e_mails_use_the_participants_language(client, forum):
    submit(client, forum, "ar")
    link = path_of(last_link("confirm"))
    assert link.startswith(f"/ar/events/{page_in(forum, 'ar').pk}/registration/")
    assert client.get(link).status_code == 200


def test_the_form_answers_only_for_a_live_event_page_of_its_language(client, forum):
    french = page_in(forum, "fr")
    assert client.get(f"/en/events/{french.pk}/register/").status_code == 404
    assert client.get("/fr/events/999999/register/").status_code == 404
    french.unpublish()
    assert client.get(register_url(forum, "fr")).status_code == 404
