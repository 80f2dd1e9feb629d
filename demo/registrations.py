"""Demo registrations: registration open on the upcoming example forums, and fictional
participants (addresses at example.org) in each state, so the organiser's screens have
something to show. No e-mail is sent."""

from datetime import timedelta

from django.utils import timezone

from events.models import EventPage
from registrations.models import CountryQuota, Registration, RegistrationLog
from registrations.states import Status

SETTINGS = {
    "forum-diaspora-rabat-2027": {
        "capacity": 60,
        "registration_questions": ["organisation", "interpretation", "dietary"],
        "quotas": {"MA": 15, "CI": 15, "ML": 15, "SN": 15},
    },
    "forum-ma-ci-abidjan-2027": {
        "capacity": 40,
        "approval_required": True,
        "registration_questions": ["organisation", "invitation_letter", "accessibility"],
    },
    "study-visit-morocco-2027": {
        "capacity": 3,
        "participant_categories": ["government", "local_authority"],
        "registration_questions": ["organisation", "invitation_letter"],
    },
}
PEOPLE = {
    "forum-diaspora-rabat-2027": [
        ("Awa Koné", "CI", "government", "fr", Status.CONFIRMED),
        ("Youssef El Amrani", "MA", "local_authority", "ar", Status.CONFIRMED),
        ("Mariam Traoré", "ML", "diaspora", "fr", Status.CONFIRMED),
        ("Ibrahima Sarr", "SN", "civil_society", "fr", Status.PENDING_EMAIL),
        ("Grace Mensah", "CI", "international", "en", Status.CANCELLED),
    ],
    "forum-ma-ci-abidjan-2027": [
        ("Koffi N'Guessan", "CI", "government", "fr", Status.PENDING_APPROVAL),
        ("Salma Bennani", "MA", "government", "ar", Status.PENDING_APPROVAL),
        ("Adama Coulibaly", "CI", "private", "fr", Status.CONFIRMED),
        ("Paul Martin", "FR", "media", "en", Status.REJECTED),
    ],
    "study-visit-morocco-2027": [
        ("Fatou Ndiaye", "SN", "local_authority", "fr", Status.CONFIRMED),
        ("Moussa Keita", "ML", "government", "fr", Status.CONFIRMED),
        ("Aïssatou Diop", "SN", "government", "fr", Status.CONFIRMED),
        ("Hamza Alaoui", "MA", "local_authority", "ar", Status.WAITLISTED),
        ("Bintou Sangaré", "ML", "local_authority", "fr", Status.WAITLISTED),
    ],
    "forum-ma-ci-abidjan-2017": [
        ("Jean-Baptiste Yao", "CI", "government", "fr", Status.ATTENDED),
        ("Nadia Chraibi", "MA", "government", "fr", Status.ATTENDED),
    ],
}


def seed(stdout=None):
    now = timezone.now()
    events = {
        e.slug: e for e in EventPage.objects.filter(slug__in=PEOPLE, locale__language_code="fr")
    }
    for slug, options in SETTINGS.items():
        if slug in events and not events[slug].registration_enabled:
            open_registration(events[slug], dict(options), now)
    for slug, people in PEOPLE.items():
        if slug in events and not events[slug].registrations.exists():
            add_people(events[slug], people, now)
    if stdout:
        stdout.write(f"Registrations ready: {Registration.objects.count()} demo participants.")


def open_registration(event, options, now):
    quotas = options.pop("quotas", {})
    event.registration_enabled = True
    event.registration_opens_at = now - timedelta(days=7)
    event.country_quotas = [CountryQuota(country=c, seats=n) for c, n in quotas.items()]
    for name, value in options.items():
        setattr(event, name, value)
    event.save_revision().publish()


def add_people(event, people, now):
    for n, (name, country, category, language, status) in enumerate(people):
        local = name.lower().replace(" ", ".").replace("'", "")
        registration = Registration.objects.create(
            event=event,
            status=status,
            language=language,
            full_name=name,
            email=f"{local.encode('ascii', 'ignore').decode()}@example.org",
            country=country,
            category=category,
            organisation="(démo)",
            consented_at=now - timedelta(days=6 - n * 0.1),
            email_confirmed_at=None if status == Status.PENDING_EMAIL else now,
        )
        RegistrationLog.objects.create(registration=registration, to_status=Status.PENDING_EMAIL)
        if status != Status.PENDING_EMAIL:
            RegistrationLog.objects.create(
                registration=registration, from_status=Status.PENDING_EMAIL, to_status=status
            )
