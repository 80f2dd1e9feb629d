"""The e-mails a participant receives, in the language they registered in.

Each change of state has its message; a confirmed seat comes with the event as an .ics
file. Messages are stored with the change (website/mail.py) and sent after the commit.
"""

from django.utils import translation

from events.ical import event_file
from events.presentation import when, where
from website.mail import queue_mail
from website.public_url import page_url

from .links import CONFIRM, MANAGE, event_page_in, link
from .seats import waiting_position
from .states import Status

TEMPLATES = "registrations/email/"
MESSAGE_FOR_STATUS = {
    Status.CONFIRMED: "confirmed",
    Status.WAITLISTED: "waitlisted",
    Status.PENDING_APPROVAL: "pending_approval",
    Status.REJECTED: "rejected",
    Status.CANCELLED: "cancelled",
    Status.ATTENDED: "attended",
}
WITH_CALENDAR_FILE = {"confirmed", "promoted", "reminder"}


def send(registration, message):
    """Queue `message` (a template name under registrations/email/) to the participant."""
    with translation.override(registration.language):
        page = event_page_in(registration)
        context = {
            "full_name": registration.full_name,
            "reference": registration.reference,
            "event_title": page.title,
            "event_when": when(page),
            "event_where": where(page),
            "event_url": page_url(page),
            "status_url": link(registration, MANAGE),
        }
        if message == "confirm_address":
            context["confirm_url"] = link(registration, CONFIRM)
        if message == "waitlisted":
            context["position"] = waiting_position(registration)
        attachments = []
        if message in WITH_CALENDAR_FILE:
            attachments.append((f"{page.slug[:60]}.ics", event_file(page), "text/calendar"))
    queue_mail(
        TEMPLATES + message,
        registration.email,
        registration.language,
        context,
        attachments,
        about=registration,
    )


def send_for_status(registration, note=""):
    """The message that tells the participant about their new state."""
    if registration.status == Status.CONFIRMED and note == "promoted":
        send(registration, "promoted")
    elif registration.status == Status.REJECTED and note == "full":
        send(registration, "full")
    elif registration.status in MESSAGE_FOR_STATUS:
        send(registration, MESSAGE_FOR_STATUS[registration.status])
