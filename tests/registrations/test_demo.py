import pytest
from django.core.management import call_command

from events.models import EventPage
from registrations.models import Registration
from registrations.states import SEAT_HOLDING, Status
from tests.registering import register_url

# The demo as a whole, checked on one database: `make run` seeds it on SQLite, which
# tests/website/test_demo.py covers on both.
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]


def test_demo_opens_registration_with_participants_in_every_state(client):
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    assert set(Registration.objects.values_list("status", flat=True)) == set(Status)
    assert Registration.objects.count() == 16
    for event in EventPage.objects.filter(capacity__isnull=False):
        assert event.registrations.filter(status__in=SEAT_HOLDING).count() <= event.capacity
    rabat = EventPage.objects.get(slug="forum-diaspora-rabat-2027", locale__language_code="fr")
    assert rabat.country_quotas.count() == 4
    arabic = rabat.get_translation(rabat.locale.__class__.objects.get(language_code="ar"))
    page = client.get(arabic.url).content.decode()
    form = register_url(rabat, "ar")
    assert f'href="{form}"' in page
    assert client.get(form).status_code == 200
