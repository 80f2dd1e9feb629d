"""Staff working a request: internal notes that only they read, and messages mailed to
the requester in the requester's language, both kept in the request's history."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from exchange.models import FocalPoint
from tests.asking import submitted_request as ask
from tests.factories import UserFactory
from website.models import OutgoingMail
from website.tasks import resend_unsent_mail

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def focal_point(countries, code, username):
    """An account named on the country's page, whose admin speaks English."""
    account = UserFactory(username=username, first_name="Fatou", last_name="Diop")
    UserProfile.objects.update_or_create(user=account, defaults={"preferred_language": "en"})
    point = FocalPoint.objects.get(page=countries[1][code])
    point.user = account
    point.save()
    return account


@pytest.fixture
def senegal(countries):
    return ask("SN", language="ar"), focal_point(countries, "SN", "fatou")


def test_an_internal_note_is_shown_to_staff_with_its_author_and_never_mailed(
    client, senegal, countries
):
    request, fatou = senegal
    mail.outbox.clear()
    stored = OutgoingMail.objects.count()
    client.force_login(fatou)
    detail = f"/admin/exchange-requests/{request.pk}/"

    response = client.post(f"{detail}notes/", {"note-text": "Appeler la DGASE lundi."})

    assert response.status_code == 302
    page = client.get(detail).content.decode()
    assert "Appeler la DGASE lundi." in page and "Fatou Diop" in page
    assert mail.outbox == [] and OutgoingMail.objects.count() == stored
    for outsider in (focal_point(countries, "MA", "karim"), UserFactory(groups=["Editors"])):
        client.force_login(outsider)
        assert client.post(f"{detail}notes/", {"note-text": "Vu."}).status_code == 403
    assert request.log.filter(note="internal").count() == 1


def test_a_message_is_mailed_in_the_requesters_language_and_kept_in_the_history(client, senegal):
    request, fatou = senegal
    mail.outbox.clear()
    client.force_login(fatou)
    detail = f"/admin/exchange-requests/{request.pk}/"

    text = "يسعدنا استقبالكم في داكار في شهر مارس."
    assert client.post(f"{detail}messages/", {"message-text": text}).status_code == 302

    [sent] = mail.outbox
    assert sent.to == ["mamadou.sow@example.org"]
    assert sent.extra_headers["Content-Language"] == "ar"
    assert text in sent.body and "Fatou Diop" in sent.body and request.reference in sent.subject
    entry = request.log.get(note="message")
    assert (entry.text, entry.actor) == (text, fatou)
    assert text in client.get(detail).content.decode()


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_empty_or_too_long_text_is_refused_and_what_was_typed_is_shown_again(client, senegal, text):
    request, fatou = senegal
    client.force_login(fatou)
    mail.outbox.clear()
    url = f"/admin/exchange-requests/{request.pk}/messages/"

    response = client.post(url, {"message-text": text})

    assert response.status_code == 400
    assert text.strip() in response.content.decode()
    assert request.log.filter(note="message").count() == 0 and mail.outbox == []
    assert client.get(url).status_code == 405


def test_a_message_waits_in_the_outbox_while_mail_is_down_and_goes_out_later(
    client, senegal, settings, broker_and_mail_server_down
):
    request, fatou = senegal
    client.force_login(fatou)
    url = f"/admin/exchange-requests/{request.pk}/messages/"

    response = client.post(url, {"message-text": "Nous revenons vers vous."})

    assert response.status_code == 302
    assert request.log.get(note="message").text == "Nous revenons vers vous."
    waiting = OutgoingMail.objects.get(template_prefix="exchange/email/request_message")
    assert waiting.sent_at is None and waiting.context["message"] == "Nous revenons vers vous."
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAIL_RESEND_AFTER_MINUTES = 0
    assert resend_unsent_mail() == 1
    assert [m.to for m in mail.outbox if "Nous revenons" in m.body] == [[request.email]]
