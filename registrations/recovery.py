"""“Send me my registrations”: a participant who lost our e-mails types their address and
receives one message with a link to each of their registrations. The form answers the
same whether or not the address is known (registrations/views.py): only the mailbox
learns more, as when someone registers an address twice."""

from django.db import transaction
from django.utils import translation

from events.presentation import when
from website.mail import queue_mail

from .emails import TEMPLATES
from .links import CONFIRM, MANAGE, event_page_in, link
from .models import Registration
from .states import Status


def send_registrations(email, language):
    """Queue the message, in `language`, listing the address's registrations that still
    have a working link; nothing for an address without any. Returns how many."""
    registrations = list(
        Registration.objects.filter(email=email.strip().lower())
        .exclude(status=Status.CANCELLED)
        .exclude(link_key="")
        .select_related("event")
        .order_by("event__start_date", "pk")
    )
    if not registrations:
        return 0
    with translation.override(language):
        context = {"registrations": [_entry(registration) for registration in registrations]}
    with transaction.atomic():
        # The message names the registration anonymised first (the earliest event): the
        # links and the address it holds go with the first of them to be forgotten.
        queue_mail(
            TEMPLATES + "my_registrations",
            registrations[0].email,
            language,
            context,
            about=registrations[0],
        )
    return len(registrations)


def _entry(registration):
    page = event_page_in(registration, translation.get_language())
    # Without our first e-mail the address was never confirmed: its link confirms it.
    purpose = CONFIRM if registration.status == Status.PENDING_EMAIL else MANAGE
    return {
        "event_title": page.title,
        "event_when": when(page),
        "status": str(registration.get_status_display()),
        "reference": registration.reference,
        "url": link(registration, purpose),
    }
