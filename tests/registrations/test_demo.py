import pytest
from django.core.management import call_command

from events.models import EventPage
from registrations.models import Registration
from registrations.states import SEAT_HOLDING, Status

pytestmark = pytest.mark.django_db


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
    assert f'href="{arabic.url}register/"' in page
    assert client.get(arabic.url + "register/").status_code == 200
