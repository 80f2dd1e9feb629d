"""What a participant does alone from their links: see their place in the waiting line,
cancel after being asked, get their links again by e-mail, correct their details."""

import pytest
from django.core import mail

from registrations.links import MANAGE, link
from registrations.models import Registration
from registrations.states import Status
from tests.factories import at, make_event
from tests.mailbox import LINK, path_of
from tests.registering import page_in, register_and_confirm, submit
from website.models import OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def status_path(registration):
    return path_of(link(registration, MANAGE))


def test_a_waiting_participant_sees_their_place_on_the_page_and_in_the_e_mail(client, forum):
    people = [
        register_and_confirm(client, forum, "en", email=f"w{n}@example.org") for n in range(5)
    ]
    assert [p.status for p in people[3:]] == [Status.WAITLISTED] * 2
    [waitlisted] = [m for m in mail.outbox if m.to == ["w4@example.org"]][-1:]
    assert "You are number 2 on the waiting list." in waitlisted.body
    assert "You are number 2 on the waiting list." in client.get(status_path(people[4])).text

    client.post(status_path(people[0]) + "cancel/")
    assert Registration.objects.get(pk=people[3].pk).status == Status.CONFIRMED
    page = client.get(status_path(people[4])).text
    assert "You are number 1 on the waiting list." in page
    assert "waiting list." not in client.get(status_path(people[3])).text.split("</h1>")[1]


def test_cancelling_asks_first_and_only_a_post_cancels(client, forum):
    registration = register_and_confirm(client, forum, "en")
    manage = status_path(registration)
    status_page = client.get(manage).text
    assert f'href="{manage}cancel/"' in status_page
    assert 'name="action"' not in status_page, "no one-click cancel button any more"

    question = client.get(manage + "cancel/")
    assert question.status_code == 200
    assert "Cancel your registration?" in question.text
    assert registration.reference in question.text and "Aminata Diallo" in question.text
    assert f'action="{manage}cancel/"' in question.text and f'href="{manage}"' in question.text
    assert Registration.objects.get().status == Status.CONFIRMED, "a GET cancels nothing"

    done = client.post(manage + "cancel/")
    assert done.status_code == 200 and "Cancelled" in done.text
    assert Registration.objects.get().status == Status.CANCELLED
    assert mail.outbox[-1].subject.startswith("Your registration is cancelled")
    assert client.get(manage + "cancel/").status_code == 404, "the link died with it"


def test_send_me_my_registrations_mails_the_links_and_answers_everyone_alike(
    client, forum, calendar_page, settings
):
    workshop = make_event(
        calendar_page, "Atelier de Dakar", at(2027, 3, 10), registration_enabled=True
    )
    confirmed = register_and_confirm(client, forum, "fr")
    submit(client, workshop, "fr")  # never confirmed: its link confirms it
    submit(client, forum, "fr", email="gone@example.org")
    Registration.objects.filter(email="gone@example.org").update(status=Status.CANCELLED)
    mail.outbox.clear()
    find = f"/en/events/{page_in(forum, 'en').pk}/my-registrations/"
    assert "Send me my registrations" in client.get(find).text

    known = client.post(find, {"email": " Aminata.Diallo@example.org", "website": ""})
    unknown = client.post(find, {"email": "nobody@example.org", "website": ""})
    cancelled = client.post(find, {"email": "gone@example.org", "website": ""})
    assert known.status_code == unknown.status_code == cancelled.status_code == 303
    assert known["Location"] == unknown["Location"] == cancelled["Location"]
    assert "If this address has registrations" in client.get(known["Location"]).text

    [message] = mail.outbox
    assert message.to == ["aminata.diallo@example.org"]
    assert message.subject == "Your registrations"
    assert message.extra_headers["Content-Language"] == "en"
    assert "Rabat forum on the diaspora" in message.body and "Atelier de Dakar" in message.body
    links = LINK.findall(message.body)
    assert len(links) == 2 and links[1].endswith("/confirm/")
    assert confirmed.reference in client.get(path_of(links[0])).text
    assert OutgoingMail.objects.get(template_prefix__endswith="my_registrations").sent_at

    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 3
    throttled = client.post(find, {"email": "nobody@example.org", "website": ""})
    assert throttled.status_code == 429


def test_a_participant_corrects_their_details_but_not_their_address(client, forum):
    registration = register_and_confirm(client, forum, "en")
    details = status_path(registration) + "details/"
    form = client.get(details).text
    assert 'value="Aminata Diallo"' in form and 'name="email"' not in form
    assert 'name="country"' not in form and 'name="category"' not in form

    refused = client.post(details, {"full_name": "", "organisation": "x", "role": "y"})
    assert refused.status_code == 400 and 'class="error-summary"' in refused.text

    changes = {
        "full_name": "Aminata Diallo Sow",
        "organisation": "Haut Conseil des Sénégalais de l'extérieur",
        "role": "Directrice",
        "interpretation_language": "ar",
        "invitation_letter": "on",
        "email": "someone.else@example.org",
    }
    saved = client.post(details, changes)
    assert saved.status_code == 303
    page = client.get(saved["Location"]).text
    assert "Your details are saved." in page and "Aminata Diallo Sow" in page
    registration.refresh_from_db()
    assert registration.organisation == changes["organisation"]
    assert (registration.interpretation_language, registration.invitation_letter) == ("ar", True)
    assert registration.email == "aminata.diallo@example.org"
    assert registration.status == Status.CONFIRMED
