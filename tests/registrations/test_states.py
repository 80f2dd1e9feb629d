"""The states and moves of a registration, defined once in registrations/states.py."""

import pytest

from registrations.states import (
    ACTION_TARGET,
    ALLOWED,
    PARTICIPANT_CANCELLABLE,
    SEAT_HOLDING,
    Action,
    Status,
    actions_from,
    can_move,
)


def test_every_state_has_its_moves_and_cancelled_is_final():
    assert set(ALLOWED) == set(Status)
    assert ALLOWED[Status.CANCELLED] == set()
    assert ALLOWED[Status.ATTENDED] == set()


def test_only_confirmed_and_attended_hold_seats():
    assert {Status.CONFIRMED, Status.ATTENDED} == SEAT_HOLDING


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (Status.PENDING_EMAIL, [Action.REJECT]),
        (Status.PENDING_APPROVAL, [Action.APPROVE, Action.REJECT, Action.WAITLIST]),
        (Status.WAITLISTED, [Action.APPROVE, Action.REJECT]),
        (Status.CONFIRMED, [Action.REJECT, Action.WAITLIST, Action.ATTENDED]),
        (Status.REJECTED, [Action.APPROVE, Action.WAITLIST]),
        (Status.ATTENDED, []),
        (Status.CANCELLED, []),
    ],
)
def test_what_an_organiser_can_do_from_each_state(status, actions):
    assert actions_from(status) == actions


def test_a_participant_can_cancel_until_the_event_has_been_attended():
    assert {Status.ATTENDED, Status.REJECTED, Status.CANCELLED}.isdisjoint(PARTICIPANT_CANCELLABLE)
    assert all(can_move(status, Status.CANCELLED) for status in PARTICIPANT_CANCELLABLE)


def test_every_action_leads_to_a_state():
    assert set(ACTION_TARGET) == set(Action)
