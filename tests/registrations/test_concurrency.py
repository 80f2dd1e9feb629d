"""Many people confirming at the same moment never get more seats than there are.

Real threads, each with its own database connection and transactions, through the whole
request stack, on PostgreSQL (where row locks are what keeps the count right).
"""

import threading

import pytest
from celery._state import _set_task_join_will_block, task_join_will_block
from django.core import mail
from django.db import connection, connections
from django.test import Client

from registrations.links import CONFIRM, link
from registrations.models import Registration
from registrations.states import SEAT_HOLDING, Status
from tests.factories import set_quota
from tests.mailbox import path_of
from tests.registering import form_data
from tests.registering import register_url as registration_form
from tests.services import require

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgresql,
]


@pytest.fixture(autouse=True)
def postgresql():
    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")


@pytest.fixture(autouse=True)
def celery_join_flag():
    """Celery's eager `delay()` sets a process-wide "do not wait for a result" flag and
    puts back what it found: threads doing it at once can leave it set, and the next
    test's `.delay().get()` in this process would then refuse to run."""
    before = task_join_will_block()
    yield
    _set_task_join_will_block(before)


def run_together(count, work):
    """Start `count` threads at the same instant; return what each returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(n):
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_forty_simultaneous_confirmations_for_five_seats(forum, settings):
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 1000
    forum.capacity = 5
    forum.save()
    set_quota(forum, "SN", 2)
    register_url = registration_form(forum)
    people = 40

    def submit_and_confirm(n):
        client = Client()
        email = f"delegate{n}@example.org"
        country = "SN" if n % 2 else "CI"
        response = client.post(register_url, form_data(email=email, country=country))
        assert response.status_code == 303, response.status_code
        registration = Registration.objects.get(email=email)
        return client.post(path_of(link(registration, CONFIRM))).status_code

    results = run_together(people, submit_and_confirm)

    assert results == [303] * people, [r for r in results if r != 303]
    holding = Registration.objects.filter(status__in=SEAT_HOLDING)
    assert holding.count() == 5
    assert holding.filter(country="SN").count() <= 2
    assert Registration.objects.filter(status=Status.WAITLISTED).count() == people - 5
    assert Registration.objects.count() == people


def test_the_same_address_sent_ten_times_at_once_is_one_registration(forum, settings):
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 1000
    settings.REGISTRATION_SUBMISSIONS_PER_EMAIL = 1000
    register_url = registration_form(forum)

    results = run_together(10, lambda n: Client().post(register_url, form_data()).status_code)

    assert results == [303] * 10, "a known address is answered as a new one"
    assert Registration.objects.count() == 1
    sent = [m.subject for m in mail.outbox if m.to == ["aminata.diallo@example.org"]]
    assert 1 <= len(sent) <= 2, "the confirmation, and at most one copy sent again"
