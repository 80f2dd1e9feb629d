import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventIndexPage
from registrations.models import CountryQuota, Registration
from tests.events.conftest import at, make_event
from website.demo import ensure_translation

LINK = re.compile(r"https?://\S+/registration/\S+/")


@pytest.fixture
def forum(calendar_page):
    """A forum in Rabat in 2027 taking registrations now, in French, English and Arabic."""
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    event = make_event(
        calendar_page,
        "Forum de Rabat sur la diaspora",
        at(2027, 2, 24, 9, 30),
        end=at(2027, 2, 24, 17),
        venue="Centre de conférences",
        city="Rabat",
        country="MA",
        interpretation_languages=["fr", "ar"],
        registration_enabled=True,
        registration_opens_at=timezone.now() - timedelta(days=1),
        capacity=3,
        registration_questions=["organisation", "interpretation", "invitation_letter"],
    )
    for code, title, slug in [
        ("en", "Rabat forum on the diaspora", "rabat-forum"),
        ("ar", "منتدى الرباط حول الجالية", "muntada-ar-ribat"),
    ]:
        parent = EventIndexPage.objects.get(locale__language_code=code)
        assert parent.translation_key == calendar_page.translation_key
        ensure_translation(event, code, {"title": title, "slug": slug})
    return event


def set_quota(event, country, seats):
    CountryQuota.objects.create(page=event, country=country, seats=seats)


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
    from wagtail.models import Locale

    return event.get_translation(Locale.objects.get(language_code=code))


def submit(client, event, code="fr", **overrides):
    return client.post(page_in(event, code).url + "register/", form_data(**overrides))


def last_link(kind="confirm"):
    """The link of that kind in the last e-mail sent."""
    for url in LINK.findall(mail.outbox[-1].body):
        if url.endswith("/confirm/") == (kind == "confirm"):
            return url
    raise AssertionError(f"no {kind} link in: {mail.outbox[-1].body}")


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def register_and_confirm(client, event, code="fr", **overrides):
    response = submit(client, event, code, **overrides)
    assert response.status_code == 303, response.content.decode()[:2000]
    confirm = path_of(last_link("confirm"))
    response = client.post(confirm)
    assert response.status_code == 303
    return Registration.objects.get(email=form_data(**overrides)["email"], event=event)
