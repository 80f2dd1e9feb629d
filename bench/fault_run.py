"""What people lose when a service fails, measured on the production shape.

Starts, on 127.0.0.1: a Redis server of its own (cache and broker), gunicorn with the
production settings on the database DATABASE_URL names, a Celery worker, and a mail
server that counts what it receives (bench/smtp_sink.py). Visitors come through a proxy:
each request carries X-Forwarded-For, trusted for one hop (DJANGO_PROXY_COUNT=1).
Then, one scenario after the other:

1. Redis stopped: pages, registrations and exchange requests while it is down.
2. Redis (so the broker) and the mail server stopped together; both back; the sweep.
3. A burst of registrations while the worker's processes are killed mid-send.
4. With --stop-database and --start-database (shell commands, e.g. for a database
   server kept for the bench): pages in the cache and pages not in it while it is down.

For each: submitted / saved / mailed / lost, and any 5xx.

    DATABASE_URL=postgres://ssme:ssme@127.0.0.1:5432/ssme_bench \\
        .venv/bin/python bench/fault_run.py
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from urllib.parse import urlencode

from environment import ROOT, start_django
from forum_registration import csrf, environment_for_server, prepare, start_server
from smtp_sink import SmtpSink

KILLS = 4  # worker processes to kill, each in the middle of a message
PAGES = ["/fr/", "/ar/", "/en/", "/robots.txt", "/fr/agenda/", "/en/good-practices/"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--burst", type=int, default=30)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--stop-database", help="shell command that stops the database")
    parser.add_argument("--start-database", help="shell command that starts it again")
    args = parser.parse_args()

    redis = RedisServer()
    sink = SmtpSink()
    server_env = {
        **environment_for_server(),
        "EMAIL_PORT": str(sink.start()),
        "CACHE_URL": f"{redis.url}/1",
        "CELERY_BROKER_URL": f"{redis.url}/0",
        "DJANGO_PROXY_COUNT": "1",
        "REGISTRATION_SUBMISSIONS_PER_ADDRESS": "30",
    }
    os.environ.update(server_env)
    settings = start_django("faults.sqlite3")
    print("database:", settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])
    form_path = prepare(seats=10_000)
    saved_requests("").filter(email__endswith="@bench.example.org").delete()
    learn_path = practice_learn_path()
    server = start_server(args, server_env)
    worker = Worker(server_env)
    try:
        redis_down(args, redis, sink, form_path, learn_path)
        broker_and_mail_down(args, redis, sink, form_path)
        killed_worker(args, sink, worker, form_path)
        if args.stop_database:
            database_down(args)
    finally:
        worker.stop()
        server.terminate()
        server.wait(10)
        redis.stop()


def redis_down(args, redis, sink, form_path, learn_path):
    print("\n== 1. Redis stopped (cache and broker)")
    redis.stop()
    statuses = Counter(get(args.port, path, n) for n, path in enumerate(PAGES * 3))
    print(f"pages: {dict(statuses)}")
    people = [register(args.port, form_path, f"redis{n}", n) for n in range(args.people)]
    asked = [ask(args.port, learn_path, f"asker{n}", n) for n in range(args.requests)]
    time.sleep(2)
    outcome("registrations", people, saved_registrations("redis"), sink)
    outcome("exchange requests", asked, saved_requests("asker"), sink)
    redis.start()


def broker_and_mail_down(args, redis, sink, form_path):
    print("\n== 2. Redis (the broker) and the mail server stopped together")
    redis.stop()
    sink.stop()
    people = [register(args.port, form_path, f"both{n}", 100 + n) for n in range(args.people)]
    outcome("registrations, both down", people, saved_registrations("both"), sink)
    redis.start()
    sink.start()
    from django.test import override_settings

    from website.tasks import resend_unsent_mail

    with override_settings(MAIL_RESEND_AFTER_MINUTES=0):
        swept = resend_unsent_mail()
    print(f"services back, the sweep sent {swept}")
    outcome("registrations, after the sweep", people, saved_registrations("both"), sink)


def killed_worker(args, sink, worker, form_path):
    print("\n== 3. The worker's processes killed during a burst")
    sink.delay = 0.5
    people = []
    burst = threading.Thread(
        target=lambda: people.extend(
            register(args.port, form_path, f"burst{n}", 200 + n) for n in range(args.burst)
        )
    )
    started = time.monotonic()
    burst.start()
    kills = 0
    expected = set()
    while time.monotonic() < started + 180:
        if not burst.is_alive():
            expected = expected or stored_message_ids("burst")
            if expected <= set(sink.received):
                break
        if sink.sending and kills < KILLS:  # a worker process is in the middle of a message
            kills += worker.kill_children()
            time.sleep(1)
        time.sleep(0.02)
    delivered_after = time.monotonic() - started
    time.sleep(3)
    copies = Counter(message_id for message_id in sink.received if message_id in expected)
    print(f"worker processes killed in the middle of a message: {kills}")
    outcome("registrations, killed worker", people, saved_registrations("burst"), sink)
    print(
        f"messages: {len(expected)}, delivered once: {sum(c == 1 for c in copies.values())}, "
        f"twice or more: {sum(c > 1 for c in copies.values())}, "
        f"never: {len(expected - set(copies))}; all out {delivered_after:.0f} s after the first"
    )


def database_down(args):
    print("\n== 4. The database stopped")
    cached = ["/fr/", "/ar/", "/en/"]
    for path in cached:
        get(args.port, path, 1)  # now in the page cache
    from django.db import connections

    connections.close_all()
    subprocess.run(args.stop_database, shell=True, check=True)  # noqa: S602 - the operator's
    try:
        answers = Counter(
            (path in cached, *request_through_proxy(args.port, "GET", path, 1, headers=True))
            for path in [*cached, "/fr/agenda/", "/ar/search/?q=visa", "/en/good-practices/"]
        )
    finally:
        subprocess.run(args.start_database, shell=True, check=True)  # noqa: S602
    for (was_cached, status, retry_after), count in sorted(answers.items()):
        kind = "in the cache" if was_cached else "not in the cache"
        print(f"pages {kind}: {count} × {status}, Retry-After {retry_after}")


def outcome(what, statuses, saved, sink):
    submitted = len(statuses)
    ids = stored_message_ids_for(saved)
    mailed = len({message_id for message_id in sink.received if message_id in ids})
    server_errors = sum(1 for status in statuses if status >= 500)
    print(
        f"{what}: submitted {submitted}, saved {saved.count()}, messages stored {len(ids)}, "
        f"mailed {mailed}, lost {submitted - saved.count()}, 5xx {server_errors}, "
        f"answers {dict(Counter(statuses))}"
    )


def get(port, path, n):
    return request_through_proxy(port, "GET", path, n)[0]


def register(port, form_path, tag, n):
    fields = {
        "full_name": f"Participant {tag}",
        "email": f"{tag}@bench.example.org",
        "country": "SN",
        "category": "government",
        "consent": "on",
    }
    return post_form(port, form_path, fields, n)


def ask(port, learn_path, tag, n):
    fields = {
        "institution": "Commune de Ziguinchor",
        "requester_country": "SN",
        "contact_name": f"Demandeur {tag}",
        "email": f"{tag}@bench.example.org",
        "wants_to_learn": "Comment ouvrir un guichet d’accueil des migrants.",
        "preferred_format": "study_visit",
        "timing": "2027",
        "consent": "on",
    }
    return post_form(port, learn_path, fields, n)


def post_form(port, path, fields, n):
    cookie, token = csrf(port, path)
    body = urlencode({"csrfmiddlewaretoken": token, **fields})
    return request_through_proxy(port, "POST", path, n, body, cookie)[0]


def request_through_proxy(port, method, path, n, body=None, cookie="", headers=False):
    """A request as the proxy forwards it: the visitor's own address in X-Forwarded-For."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    sent = {"X-Forwarded-For": f"198.51.100.{n % 250 + 1}"}
    if cookie:
        sent["Cookie"] = cookie
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    response.read()
    connection.close()
    if headers:
        return response.status, response.getheader("Retry-After")
    return response.status, response.getheader("Location")


def saved_registrations(tag):
    from registrations.models import Registration

    return Registration.objects.filter(email__startswith=tag)


def saved_requests(tag):
    from exchange.models import ExchangeRequest

    return ExchangeRequest.objects.filter(email__startswith=tag)


def stored_message_ids(tag):
    from website.models import OutgoingMail

    return set(
        OutgoingMail.objects.filter(recipient__startswith=tag).values_list("message_id", flat=True)
    )


def stored_message_ids_for(saved):
    """The messages about these saved records (to the person, and to focal points)."""
    from django.contrib.contenttypes.models import ContentType

    from website.models import OutgoingMail

    about = OutgoingMail.objects.filter(
        about_type=ContentType.objects.get_for_model(saved.model),
        about_id__in=list(saved.values_list("pk", flat=True)),
    )
    return set(about.values_list("message_id", flat=True))


def practice_learn_path():
    from django.urls import reverse
    from django.utils import translation

    from practices.models import PracticePage

    practice = PracticePage.objects.live().filter(locale__language_code="fr").first()
    with translation.override("fr"):
        return reverse("exchange:learn_from_practice", kwargs={"page_id": practice.pk})


class RedisServer:
    """A redis-server of the bench's own, on a free port, that can be stopped and started."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}"
        self.directory = tempfile.mkdtemp(prefix="bench-redis-")
        self.process = None
        self.start()

    def start(self):
        binary = shutil.which("redis-server") or sys.exit("redis-server is needed")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        self.process = subprocess.Popen(  # noqa: S603
            [*command, "--dir", self.directory], stdout=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        sys.exit("redis-server did not start")

    def stop(self):
        self.process.kill()
        self.process.wait()


class Worker:
    """`celery worker` with two prefork processes, as `make worker` runs it."""

    def __init__(self, server_env):
        command = [str(ROOT / ".venv" / "bin" / "celery"), "-A", "website", "worker"]
        command += ["--concurrency=2", "--loglevel=error"]
        self.process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env={**os.environ, **server_env}, stdout=subprocess.DEVNULL
        )
        time.sleep(8)

    def kill_children(self):
        pid = self.process.pid
        children = open(f"/proc/{pid}/task/{pid}/children").read().split()  # noqa: SIM115
        for pid in children:
            os.kill(int(pid), signal.SIGKILL)
        return len(children)

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


if __name__ == "__main__":
    main()
