"""What happens to a registration: submitted, address confirmed, placed, moved by an
organiser, cancelled by the participant. Each step is one transaction that changes the
state, logs it and stores the e-mail that tells the participant."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from website.throttle import allow

from . import approvals, emails
from .models import Registration, RegistrationLog, new_link_key
from .seats import has_seat_for, lock_event, next_in_line, seat_counts
from .states import ACTION_TARGET, PARTICIPANT_CANCELLABLE, SEAT_HOLDING, Status, actions_from


class RefusedMove(Exception):
    """An organiser's action that the rules do not allow; the message says why."""


# An address already registered gets its link again at most once per hour, however
# often the form is sent with it: the form must not become a way to flood a mailbox.
LINK_AGAIN_WINDOW_SECONDS = 3600


def submit(event, language, data):
    """Save a new registration awaiting its address confirmation. For an address already
    registered, save nothing and send its owner their link again: the person at the
    form learns nothing about who is registered (registrations/views.py)."""
    email = data["email"].strip().lower()
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                language=language,
                consented_at=timezone.now(),
                **{**data, "email": email},
            )
            _log(registration, "", Status.PENDING_EMAIL, None)
            emails.send(registration, "confirm_address")
    except IntegrityError:
        registration = (
            Registration.objects.filter(event=event, email=email)
            .exclude(status=Status.CANCELLED)
            .first()
        )
        if registration is None:
            raise
        _send_link_again(registration)
    return registration


def _send_link_again(registration):
    if not allow("registration-link-again", registration.pk, 1, LINK_AGAIN_WINDOW_SECONDS):
        return
    pending = registration.status == Status.PENDING_EMAIL
    with transaction.atomic():
        emails.send(registration, "confirm_address" if pending else "already_registered")


def confirm_address(registration):
    """The participant followed the link: place them according to the event's rules."""
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.PENDING_EMAIL:
            return registration
        registration.email_confirmed_at = timezone.now()
        if event.approval_required:
            target, note = Status.PENDING_APPROVAL, ""
        elif has_seat_for(event, registration.country):
            target, note = Status.CONFIRMED, ""
        elif event.waitlist_enabled:
            target, note = Status.WAITLISTED, ""
        else:
            target, note = Status.REJECTED, "full"
        _move(registration, target, None, note)
        if target == Status.PENDING_APPROVAL:
            approvals.notify_managers(event)
        return registration


def cancel(registration):
    """The participant cancels; a freed seat goes to the next person waiting."""
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in PARTICIPANT_CANCELLABLE:
            raise RefusedMove(_("This registration can no longer be cancelled."))
        freed = registration.status in SEAT_HOLDING
        registration.link_key = new_link_key()
        _move(registration, Status.CANCELLED, None)
        if freed:
            fill_free_seats(event)
        return registration


def correct_details(registration, data):
    """The participant corrects who they are or what they need (forms.DetailsForm);
    their place does not change, so nothing is logged or sent."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in PARTICIPANT_CANCELLABLE:
            raise RefusedMove(_("This registration can no longer be changed."))
        for name, value in data.items():
            setattr(registration, name, value)
        registration.save(update_fields=list(data))
        return registration


def act(registration, action, user):
    """An organiser's action (states.Action) on one registration."""
    target = ACTION_TARGET[action]
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.anonymised_at or action not in actions_from(registration.status):
            raise RefusedMove(
                _("%(reference)s: not possible from “%(status)s”.")
                % {"reference": registration.reference, "status": registration.get_status_display()}
            )
        takes_seat = target in SEAT_HOLDING and registration.status not in SEAT_HOLDING
        if takes_seat and not has_seat_for(event, registration.country):
            raise RefusedMove(
                _("%(reference)s: no seat left (capacity or country quota reached).")
                % {"reference": registration.reference}
            )
        freed = registration.status in SEAT_HOLDING and target not in SEAT_HOLDING
        _move(registration, target, user)
        if freed:
            fill_free_seats(event)
        return registration


def fill_free_seats(event):
    """Under the event's lock: give free seats to those waiting, in order. Someone whose
    country's quota is full keeps their place while the next person is seated."""
    promoted = []
    for registration in next_in_line(event).select_for_update():
        if has_seat_for(event, registration.country):
            _move(registration, Status.CONFIRMED, None, "promoted")
            promoted.append(registration)
        elif event.capacity is not None and seat_counts(event)["free"] == 0:
            break
    return promoted


def _move(registration, target, actor, note=""):
    source = registration.status
    registration.status = target
    registration.status_changed_at = timezone.now()
    registration.save()
    _log(registration, source, target, actor, note)
    emails.send_for_status(registration, note)


def _log(registration, source, target, actor, note=""):
    RegistrationLog.objects.create(
        registration=registration, from_status=source, to_status=target, actor=actor, note=note
    )
