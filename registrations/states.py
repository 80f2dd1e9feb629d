"""The states of a registration and the moves between them, in one place.

Who may make a move is said here too: the participant (cancel), the system (the address
is confirmed, a seat frees up) or an organiser (approve, reject, waitlist, attended).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    PENDING_EMAIL = (
        "pending_email",
        pgettext_lazy("registration status", "Awaiting e-mail confirmation"),
    )
    PENDING_APPROVAL = "pending_approval", pgettext_lazy("registration status", "Awaiting approval")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "On the waiting list")
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    ATTENDED = "attended", pgettext_lazy("registration status", "Attended")
    REJECTED = "rejected", pgettext_lazy("registration status", "Not accepted")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


# Registrations that take a seat, counted against the capacity and the country quotas.
SEAT_HOLDING = frozenset({Status.CONFIRMED, Status.ATTENDED})
# Registrations that block the same address from registering again for the event.
ACTIVE = frozenset(set(Status) - {Status.CANCELLED})

ALLOWED = {
    Status.PENDING_EMAIL: {
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.PENDING_APPROVAL,
        Status.REJECTED,
        Status.CANCELLED,
    },
    Status.PENDING_APPROVAL: {
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.REJECTED,
        Status.CANCELLED,
    },
    Status.WAITLISTED: {Status.CONFIRMED, Status.REJECTED, Status.CANCELLED},
    Status.CONFIRMED: {Status.ATTENDED, Status.WAITLISTED, Status.REJECTED, Status.CANCELLED},
    Status.ATTENDED: set(),
    Status.REJECTED: {Status.CONFIRMED, Status.WAITLISTED},
    Status.CANCELLED: set(),
}


class Action(models.TextChoices):
    """What an organiser can do from the admin, and the state each action leads to."""

    APPROVE = "approve", pgettext_lazy("registration action", "Approve")
    REJECT = "reject", pgettext_lazy("registration action", "Reject")
    WAITLIST = "waitlist", pgettext_lazy("registration action", "Move to the waiting list")
    ATTENDED = "attended", pgettext_lazy("registration action", "Mark as attended")


ACTION_TARGET = {
    Action.APPROVE: Status.CONFIRMED,
    Action.REJECT: Status.REJECTED,
    Action.WAITLIST: Status.WAITLISTED,
    Action.ATTENDED: Status.ATTENDED,
}
PARTICIPANT_CANCELLABLE = frozenset(
    {Status.PENDING_EMAIL, Status.PENDING_APPROVAL, Status.WAITLISTED, Status.CONFIRMED}
)


EXPLANATIONS = {
    Status.PENDING_EMAIL: _("Follow the link in the e-mail we sent you to confirm your address."),
    Status.PENDING_APPROVAL: _(
        "The organisers will review your registration and tell you by e-mail."
    ),
    Status.WAITLISTED: _(
        "All seats are taken. If one frees up, it goes to the first person on the waiting "
        "list, and we will tell you by e-mail."
    ),
    Status.CONFIRMED: _("Your seat is reserved. We look forward to seeing you."),
    Status.ATTENDED: _("Thank you for taking part."),
    Status.REJECTED: _("The organisers could not offer you a seat at this event."),
    Status.CANCELLED: _("Your registration is cancelled. The links in our e-mails no longer work."),
}


def can_move(source, target):
    return target in ALLOWED[Status(source)]


def actions_from(status):
    """What an organiser may do. Until the address is proven, only reject: approving an
    address nobody has confirmed would seat a typo or an impostor."""
    if status == Status.PENDING_EMAIL:
        return [Action.REJECT]
    return [action for action, target in ACTION_TARGET.items() if can_move(status, target)]
