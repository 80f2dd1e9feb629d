"""The participant's path: form, address confirmation, placement, status page, cancel."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Registration
from registrations.states import Status
from tests.factories import at, make_event, set_quota
from tests.mailbox import last_link, link_in, path_of
from tests.registering import page_in, register_and_confirm, register_url, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_form_is_offered_in_each_language_with_its_consent_link(client, forum):
    for code, heading, register in [
        ("fr", "Inscription à cet événement", "S’inscrire"),
        ("en", "Register for this event", "Register"),
        ("ar", "التسجيل في هذه الفعالية", "تسجيل"),
    ]:
        response = client.get(register_url(forum, code))
        html = response.content.decode()
        assert response.status_code == 200
        assert heading in html and register in html
        assert 'name="consent"' in html and 'name="website"' in html
        assert "no-store" in response["Cache-Control"]
    assert Registration.objects.count() == 0


def test_registering_sends_a_confirmation_link_and_counts_only_once_confirmed(client, forum):
    response = submit(client, forum, "en")
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    registration = Registration.objects.get()
    assert registration.status == Status.PENDING_EMAIL
    assert registration.language == "en"
    message = mail.outbox[-1]
    assert message.to == ["aminata.diallo@example.org"]
    assert message.subject == "Confirm your registration: Rabat forum on the diaspora"

    confirm = path_of(last_link("confirm"))
    assert "/en/" in confirm
    page = client.get(confirm)
    assert page.status_code == 200, "a GET (a mail scanner) must not confirm anything"
    assert Registration.objects.get().status == Status.PENDING_EMAIL

    response = client.post(confirm)
    assert response.status_code == 303
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    confirmed = mail.outbox[-1]
    assert confirmed.subject == "Your seat is confirmed: Rabat forum on the diaspora"
    (name, ics, mimetype) = confirmed.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in ics and "SUMMARY:Rabat forum on the diaspora" in ics
    status_page = client.get(response["Location"]).content.decode()
    assert "Confirmed" in status_page and "Aminata Diallo" in status_page


def test_every_message_is_in_the_language_the_participant_registered_in(client, forum):
    registration = register_and_confirm(client, forum, "ar")
    assert [m.extra_headers["Content-Language"] for m in mail.outbox] == ["ar", "ar"]
    assert mail.outbox[0].subject == "أكّد تسجيلك: منتدى الرباط حول الجالية"
    assert "منتدى الرباط حول الجالية" in mail.outbox[1].body
    assert registration.language == "ar"


def test_a_known_address_gets_the_same_answer_as_a_new_one_and_its_link_by_mail(client, forum):
    registration = register_and_confirm(client, forum)
    mail.outbox.clear()

    known = submit(client, forum, "fr", email="Aminata.Diallo@Example.org ")
    new = submit(client, forum, "fr", email="moussa.ba@example.org")

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known.status_code == 303
    assert dict(known.headers) == dict(new.headers)
    assert "Consultez votre boîte de réception" in client.get(known["Location"]).content.decode()
    assert Registration.objects.filter(email="aminata.diallo@example.org").count() == 1
    [again] = [m for m in mail.outbox if m.to == ["aminata.diallo@example.org"]]
    assert again.subject.startswith("Vous êtes déjà inscrit")
    status_page = client.get(path_of(link_in(again, "manage")))
    assert "Aminata Diallo" in status_page.content.decode()

    assert submit(client, forum, email="aminata.diallo@example.org").status_code == 303
    assert len([m for m in mail.outbox if m.to == [registration.email]]) == 1, (
        "at most one such e-mail an hour: the form cannot flood a mailbox"
    )


def test_seats_then_waiting_list_then_the_freed_seat_goes_to_the_first_in_line(client, forum):
    people = [register_and_confirm(client, forum, email=f"p{n}@example.org") for n in range(5)]
    assert [p.status for p in people] == [Status.CONFIRMED] * 3 + [Status.WAITLISTED] * 2
    assert mail.outbox[-1].subject.startswith("Vous êtes sur la liste d’attente")

    manage = path_of(_status_link_for(people[1]))
    response = client.post(manage + "cancel/")
    assert response.status_code == 200
    assert "Annulée" in response.content.decode()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p1@example.org"] == Status.CANCELLED
    assert statuses["p3@example.org"] == Status.CONFIRMED, "first in line gets the seat"
    assert statuses["p4@example.org"] == Status.WAITLISTED
    promoted = [m for m in mail.outbox if m.to == ["p3@example.org"]][-1]
    assert promoted.subject.startswith("Une place s’est libérée")
    assert promoted.attachments, "the new seat comes with the event file"

    assert client.get(manage).status_code == 404, "the link dies with the cancellation"


def test_country_quota_sends_the_extra_delegate_to_the_waiting_list(client, forum):
    set_quota(forum, "SN", 1)
    first = register_and_confirm(client, forum, email="sn1@example.org", country="SN")
    second = register_and_confirm(client, forum, email="sn2@example.org", country="SN")
    other = register_and_confirm(client, forum, email="ci1@example.org", country="CI")
    assert (first.status, second.status, other.status) == (
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.CONFIRMED,
    )


def test_without_a_waiting_list_a_full_event_says_so(client, forum):
    forum.capacity, forum.waitlist_enabled = 1, False
    forum.save()
    register_and_confirm(client, forum, email="a@example.org")
    late = register_and_confirm(client, forum, email="b@example.org")
    assert late.status == Status.REJECTED
    assert mail.outbox[-1].subject.startswith("L’événement est complet")


def test_approval_required_waits_for_an_organiser(client, forum):
    forum.approval_required = True
    forum.save()
    registration = register_and_confirm(client, forum)
    assert registration.status == Status.PENDING_APPROVAL
    assert mail.outbox[-1].subject.startswith("Votre inscription attend une validation")


def _status_link_for(registration):
    from registrations.links import MANAGE, link

    return link(registration, MANAGE)


@pytest.mark.parametrize(
    ("overrides", "anchor"),
    [
        ({"full_name": ""}, "id_full_name"),
        ({"full_name": "x" * 201}, "id_full_name"),
        ({"email": "not-an-address"}, "id_email"),
        ({"country": "XX"}, "id_country"),
        ({"category": "astronaut"}, "id_category_0"),
        ({"consent": None}, "id_consent"),
        ({"organisation": ""}, "id_organisation"),
        ({"interpretation_language": "es"}, "id_interpretation_language"),
    ],
)
def test_bad_input_is_a_400_with_the_error_in_the_visitors_language(
    client, forum, overrides, anchor
):
    response = submit(client, forum, "fr", **overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#{anchor}"' in html, "the summary links to the field"
    assert 'class="form-field__error"' in html
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_the_honeypot_stops_robots_without_saving_anything(client, forum):
    response = submit(client, forum, website="http://spam.example")
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_too_many_submissions_from_one_address_get_429_and_keep_what_was_typed(
    client, forum, settings
):
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 2
    assert submit(client, forum, email="one@example.org").status_code == 303
    assert submit(client, forum, email="two@example.org").status_code == 303
    response = submit(client, forum, "ar", email="three@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'value="three@example.org"' in html and "Aminata Diallo" in html
    assert Registration.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "est close"),
        ({"registration_opens_at": timezone.now() + timedelta(days=2)}, "ouvrent le"),
        ({"status": "cancelled"}, "est annulé"),
        ({"registration_enabled": False}, "ne prend pas d’inscriptions"),
    ],
)
def test_closed_registration_refuses_a_post_with_409(client, forum, change, expected):
    for name, value in change.items():
        setattr(forum, name, value)
    forum.save()
    response = submit(client, forum)
    assert response.status_code == 409
    assert expected in response.content.decode()
    assert Registration.objects.count() == 0


def test_tampered_and_expired_links_are_refused(client, forum, settings):
    submit(client, forum)
    confirm = path_of(last_link("confirm"))
    tampered = confirm.replace("/confirm/", "x/confirm/")
    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404
    other_purpose = confirm.removesuffix("confirm/")
    assert client.get(other_purpose).status_code == 404, "a confirm token is not a status link"
    settings.REGISTRATION_CONFIRM_LINK_HOURS = 0
    response = client.post(confirm)
    assert response.status_code == 410
    assert "a expiré" in response.content.decode()
    assert Registration.objects.get().status == Status.PENDING_EMAIL


def test_a_link_works_only_under_its_own_events_address(client, forum, calendar_page):
    other = make_event(
        calendar_page, "Atelier de Dakar", at(2027, 3, 10), registration_enabled=True
    )
    confirmed = register_and_confirm(client, forum, email="a@example.org")
    submit(client, forum, email="b@example.org")
    own = f"/events/{page_in(forum, 'fr').pk}/"
    elsewhere = f"/events/{other.pk}/"
    manage = path_of(_status_link_for(confirmed))
    confirm = path_of(last_link("confirm"))
    assert own in manage and own in confirm

    for path in (manage, confirm):
        moved = path.replace(own, elsewhere)
        assert client.get(moved).status_code == 404
        assert client.post(moved + "cancel/").status_code == 404
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"a@example.org": Status.CONFIRMED, "b@example.org": Status.PENDING_EMAIL}
    assert client.get(manage).status_code == 200


def test_a_refused_link_is_logged_without_its_token(client, forum, caplog):
    submit(client, forum)
    confirm = path_of(last_link("confirm"))
    token = confirm.split("/registration/")[1].split("/")[0]

    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(confirm.replace(token, token + "x")).status_code == 404
    logged = [record.getMessage() for record in caplog.records]
    assert any("/registration/[token]/confirm/" in message for message in logged), logged
    assert not any(token in message for message in logged)


def test_registering_again_before_confirming_resends_the_confirmation_link(client, forum):
    submit(client, forum)
    response = submit(client, forum)
    assert response.status_code == 303
    assert len(mail.outbox) == 2
    assert mail.outbox[-1].subject.startswith("Confirmez votre inscription")
    assert Registration.objects.count() == 1


def test_after_cancelling_the_same_address_may_register_again(client, forum):
    registration = register_and_confirm(client, forum)
    client.post(path_of(_status_link_for(registration)) + "cancel/")
    assert submit(client, forum).status_code == 303
    assert Registration.objects.filter(status=Status.PENDING_EMAIL).count() == 1


def test_the_event_page_offers_the_form_while_open_and_says_why_not_after(client, forum):
    arabic = page_in(forum, "ar")
    assert f'href="{register_url(forum, "ar")}"' in client.get(arabic.url).content.decode()
    forum.registration_closes_at = timezone.now() - timedelta(minutes=1)
    forum.save_revision().publish()
    page = client.get(page_in(forum, "fr").url).content.decode()
    assert "register/" not in page
    assert "L’inscription à cet événement est close." in page


def test_more_seats_published_go_to_the_waiting_list_in_order(client, forum):
    people = [register_and_confirm(client, forum, email=f"w{n}@example.org") for n in range(5)]
    forum.capacity = 4
    forum.save_revision().publish()
    statuses = [Registration.objects.get(pk=p.pk).status for p in people]
    assert statuses == [Status.CONFIRMED] * 4 + [Status.WAITLISTED]
    assert mail.outbox[-1].to == ["w3@example.org"]
