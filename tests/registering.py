"""What a participant does on an event's registration pages."""

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from registrations.models import Registration
from tests.mailbox import last_link, path_of


def form_data(**overrides):
    data = {
        "full_name": "Aminata Diallo",
        "email": "aminata.diallo@example.org",
        "country": "SN",
        "category": "government",
        "organisation": "Ministère des Sénégalais de l'extérieur",
        "role": "Conseillère",
        "interpretation_language": "fr",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def page_in(event, code):
    return event.get_translation(Locale.objects.get(language_code=code))


def register_url(event, code="fr"):
    """The registration form of the event's page in that language."""
    with translation.override(code):
        return reverse("registrations:register", kwargs={"page_id": page_in(event, code).pk})


def submit(client, event, code="fr", **overrides):
    return client.post(register_url(event, code), form_data(**overrides))


def register_and_confirm(client, event, code="fr", **overrides):
    response = submit(client, event, code, **overrides)
    assert response.status_code == 303, response.content.decode()[:2000]
    confirm = path_of(last_link("confirm"))
    response = client.post(confirm)
    assert response.status_code == 303
    return Registration.objects.get(email=form_data(**overrides)["email"], event=event)


def move_event(event, starts_in):
    """Shift the event (and its UTC instants) so that it starts `starts_in` from now."""
    start = timezone.localtime(timezone.now() + starts_in, event.zone)
    event.start_date = event.end_date = start.date()
    event.start_time = start.time().replace(microsecond=0)
    event.end_time = None
    event.registration_closes_at = None
    event.save()


def fill_in(page, **overrides):
    """Type the registration form in a browser as a participant would, ticking the
    consent box from the keyboard."""
    data = form_data(**overrides)
    for name in ("full_name", "email", "organisation", "role"):
        page.fill(f"[name={name}]", data[name])
    page.select_option("[name=country]", data["country"])
    page.check(f"[name=category][value={data['category']}]")
    page.select_option("[name=interpretation_language]", data["interpretation_language"])
    page.focus("[name=consent]")
    page.keyboard.press("Space")
