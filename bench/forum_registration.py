"""N people register at the same moment for an event with C seats, against a real server.

Starts gunicorn on 127.0.0.1 with the production settings on the database DATABASE_URL
names (PostgreSQL for the figure that matters), creates a bench event with C seats and a
waiting list, then N threads each load the form, submit it, read their confirmation
link from the mail outbox table and confirm. Prints accepted / waitlisted / errors, any
5xx, whether the event was overbooked, and latency percentiles.

    DATABASE_URL=postgres://ssme:ssme@127.0.0.1:5432/ssme_bench \\
        .venv/bin/python bench/forum_registration.py --people 300 --seats 100
"""

import argparse
import http.client
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

from environment import ROOT, percentile, start_django
from smtp_sink import start_smtp_sink

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The bench's own reads of the outbox share a few connections, leaving the database's
# connection slots to the server under test.
DATABASE_SLOTS = threading.BoundedSemaphore(4)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seats", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server_env = environment_for_server()
    os.environ.update(server_env)
    settings = start_django("registrations.sqlite3")
    print("database:", settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])
    form_path = prepare(args.seats)
    server = start_server(args, server_env)
    try:
        results = fire(args, form_path)
    finally:
        server.terminate()
        server.wait(10)
    report(args, results)


def environment_for_server():
    return {
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PUBLIC_BASE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "REGISTRATION_SUBMISSIONS_PER_ADDRESS": "1000000",
        "LOG_LEVEL": "ERROR",
        # Production refuses to start without a mail server: a local one that discards.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(start_smtp_sink()),
        "EMAIL_USE_TLS": "false",
        "DEFAULT_FROM_EMAIL": "bench@bench.example.org",
    }


def prepare(seats):
    from datetime import timedelta

    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import timezone, translation

    from events.models import EventIndexPage, EventPage
    from website.models import OutgoingMail

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    calendar = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPage.objects.filter(slug="bench-forum").first()
    if event is None:
        event = EventPage(
            title="Forum de mesure",
            slug="bench-forum",
            summary="Événement créé par le banc d'essai des inscriptions.",
            event_type="forum",
            start_date=timezone.now().date() + timedelta(days=60),
            end_date=timezone.now().date() + timedelta(days=60),
            all_day=True,
        )
        calendar.add_child(instance=event)
    event.registrations.all().delete()
    OutgoingMail.objects.filter(recipient__endswith="@bench.example.org").delete()
    event.registration_enabled = True
    event.registration_opens_at = timezone.now() - timedelta(days=1)
    event.capacity = seats
    event.waitlist_enabled = True
    event.approval_required = False
    event.save_revision().publish()
    with translation.override(event.locale.language_code):
        return reverse("registrations:register", kwargs={"page_id": event.pk})


def start_server(args, server_env):
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "website.wsgi",
        f"--bind=127.0.0.1:{args.port}",
        f"--workers={args.workers}",
        f"--threads={args.threads}",
        "--timeout=60",
    ]
    server = subprocess.Popen(  # noqa: S603
        command,
        cwd=ROOT,
        env={**os.environ, **server_env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            request(args.port, "GET", "/robots.txt")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def request(port, method, path, body=None, cookie=""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read().decode("utf-8", "replace")
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, response.getheader("Set-Cookie") or "", content, elapsed


def csrf(port, path):
    status, set_cookie, content, _elapsed = request(port, "GET", path)
    cookie = set_cookie.split(";", 1)[0]
    return cookie, CSRF_FIELD.search(content).group(1)


def person(port, form_path, n):
    """Submit and confirm; returns [(what, status, seconds)] for the two POSTs."""
    from django.db import connection

    from website.models import OutgoingMail

    email = f"delegate{n}@bench.example.org"
    cookie, token = csrf(port, form_path)
    form = {
        "csrfmiddlewaretoken": token,
        "full_name": f"Délégué {n}",
        "email": email,
        "country": ["MA", "CI", "ML", "SN"][n % 4],
        "category": "government",
        "consent": "on",
    }
    status, _c, _body, submitted = request(port, "POST", form_path, urlencode(form), cookie)
    timings = [("submit", status, submitted)]
    if status != 303:
        return timings
    with DATABASE_SLOTS:
        message = OutgoingMail.objects.get(
            recipient=email, template_prefix__endswith="confirm_address"
        )
        connection.close()
    confirm_path = "/" + message.context["confirm_url"].split("://", 1)[1].split("/", 1)[1]
    cookie, token = csrf(port, confirm_path)
    status, _c, _body, confirmed = request(
        port, "POST", confirm_path, urlencode({"csrfmiddlewaretoken": token}), cookie
    )
    return [*timings, ("confirm", status, confirmed)]


def fire(args, form_path):
    from django.db import connections

    barrier = threading.Barrier(args.people)
    results = [None] * args.people

    def run(n):
        try:
            barrier.wait()
            results[n] = person(args.port, form_path, n)
        except Exception as error:  # noqa: BLE001 - counted as an error
            results[n] = [("error", repr(error), 0.0)]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(args.people)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"wall time: {time.perf_counter() - started:.1f} s")
    return results


def report(args, results):
    from registrations.models import Registration
    from registrations.states import SEAT_HOLDING, Status

    steps = [step for person_steps in results for step in person_steps]
    errors = [s for s in steps if s[0] == "error" or s[1] != 303]
    server_errors = [s for s in steps if isinstance(s[1], int) and s[1] >= 500]
    registrations = Registration.objects.filter(event__slug="bench-forum")
    accepted = registrations.filter(status__in=SEAT_HOLDING).count()
    waitlisted = registrations.filter(status=Status.WAITLISTED).count()
    print(f"people: {args.people}, seats: {args.seats}")
    print(f"accepted: {accepted}, waitlisted: {waitlisted}, errors: {len(errors)}")
    print(f"5xx: {len(server_errors)}, overbooked: {'YES' if accepted > args.seats else 'no'}")
    for what in ("submit", "confirm"):
        seconds = [s[2] for s in steps if s[0] == what and s[1] == 303]
        if seconds:
            print(
                f"{what}: p50 {percentile(seconds, 0.5) * 1000:.0f} ms, "
                f"p95 {percentile(seconds, 0.95) * 1000:.0f} ms, n={len(seconds)}"
            )
    for error in errors[:5]:
        print("  e.g.", error)


if __name__ == "__main__":
    main()
