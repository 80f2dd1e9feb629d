"""A requester's personal data are kept for a while after their request is closed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from exchange import workflow
from exchange.models import ExchangeRequest
from exchange.models.requests import RequestStatus
from exchange.retention import anonymise_expired
from exchange.tasks import anonymise_closed_requests
from tests.asking import request_data
from tests.factories import UserFactory, make_practice
from website.models import OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def practice(library, countries):
    return make_practice(library, "Centre d’Oujda", countries=["MA"])


def ask(client, practice, **overrides):
    url = f"/fr/exchange/learn/practice/{practice.pk}/"
    assert client.post(url, request_data(**overrides)).status_code == 303
    return ExchangeRequest.objects.get(email=request_data(**overrides)["email"])


def test_a_closed_request_is_anonymised_after_the_retention_period(client, practice, settings):
    settings.EXCHANGE_REQUEST_RETENTION_DAYS = 365
    closed = ask(client, practice, phone="+221 77 000 00 00")
    open_request = ask(
        client,
        practice,
        contact_name="Awa Ndiaye",
        email="awa.ndiaye@example.org",
        wants_to_learn="Les services consulaires en ligne.",
    )
    workflow.move(closed, RequestStatus.CLOSED, None)
    assert OutgoingMail.objects.filter(recipient="mamadou.sow@example.org").count() == 2
    later = timezone.now() + timedelta(days=400)

    assert anonymise_expired(timezone.now() + timedelta(days=364)) == 0
    assert anonymise_expired(later) == 1
    kept = ExchangeRequest.objects.get(pk=closed.pk)
    personal = (kept.contact_name, kept.email, kept.phone, kept.wants_to_learn, kept.timing)
    assert personal == ("", "", "", "", "")
    statistics = (kept.country, kept.practice_id, kept.status, kept.preferred_format)
    assert statistics == ("MA", practice.pk, RequestStatus.CLOSED, "study_visit")
    assert kept.created_at == closed.created_at and kept.anonymised_at == later
    with translation.override("en"):
        assert kept.log.last().get_note_display().startswith("Personal data anonymised")
    stored = str(list(OutgoingMail.objects.values()))
    for trace in ("Mamadou", "mamadou.sow@example.org", "guichet d’accueil", closed.reference):
        assert trace not in stored, "neither its own e-mails nor the focal points' notice"
    assert ExchangeRequest.objects.get(pk=open_request.pk).email == "awa.ndiaye@example.org"
    assert OutgoingMail.objects.filter(recipient="awa.ndiaye@example.org").exists()
    assert anonymise_expired(later) == 0, "once is enough"


def test_what_staff_wrote_about_the_requester_is_emptied_too(client, practice, settings):
    settings.EXCHANGE_REQUEST_RETENTION_DAYS = 0
    request = ask(client, practice)
    staff = UserFactory(username="moderator")
    workflow.add_note(request, staff, "Mamadou rappelle lundi.")
    workflow.write_to_requester(request, staff, "Cher Mamadou, à lundi.")
    workflow.move(request, RequestStatus.CLOSED, staff)

    assert anonymise_expired(timezone.now() + timedelta(days=1)) == 1

    notes = list(request.log.exclude(note="").values_list("note", "text"))
    assert notes == [("internal", ""), ("message", ""), ("anonymised", "")], "the facts stay"
    assert "Mamadou" not in str(list(OutgoingMail.objects.values()))


def test_the_daily_task_anonymises_what_is_due(client, practice, settings):
    settings.EXCHANGE_REQUEST_RETENTION_DAYS = 0
    request = ask(client, practice)
    workflow.move(request, RequestStatus.CLOSED, None)
    mail.outbox.clear()
    assert anonymise_closed_requests.delay().get() == 1
    assert ExchangeRequest.objects.get().contact_name == ""
    assert settings.CELERY_BEAT_SCHEDULE["exchange-request-anonymisation"]["task"] == (
        "exchange.tasks.anonymise_closed_requests"
    )
