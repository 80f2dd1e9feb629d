"""The site's pages against a bare Django page, served side by side in one run.

    .venv/bin/python bench/side_by_side.py --practices 10000 --events 2000

Starts on 127.0.0.1, each under gunicorn with the same number of sync workers:
- the bare page (bench/bare_django.py: `startproject`'s middleware, one template);
- the site with the production settings, whole-page cache included ("cached");
- the site without the whole-page cache (bench/settings_without_page_cache.py:
  "uncached", what editors, participants and every first visit after a publish get);
- the site with no cache at all (bench/settings_without_cache.py), for the iCal feed's
  cold build.
Then, round after round, loads each page for a few seconds on the bare server and on the
site, one after the other, so that whatever else the machine does weighs on both alike,
with `wrk` if it is on PATH, else a Python loop over as many connections. Prints req/s,
the ratio to the bare page, the median latency and the SQL queries of one warm request.

With --before REV, an earlier revision of the site is served as well, uncached and with
no cache at all, from a temporary git worktree on the same database (its schema must be
older: tables and columns added since are ignored), so that one run gives the figures
before and after a change under the same load.

The site runs on DATABASE_URL if set (PostgreSQL), else on SQLite in bench/results/,
with the data of bench/data.py (fixed seeds: every run measures the same rows; a run on
a database that has them writes nothing). CACHE_URL, if set, is used as in production.
"""

import argparse
import gzip
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from environment import ROOT, percentile, start_django
from forum_registration import environment_for_server

GUNICORN = Path(sys.executable).with_name("gunicorn")
SERVERS = {  # name: (settings module, WSGI application, working directory)
    "bare": ("bare_django", "bare_django", ROOT / "bench"),
    "uncached": ("bench.settings_without_page_cache", "website.wsgi", ROOT),
    "cached": ("website.settings.production", "website.wsgi", ROOT),
    "cold": ("bench.settings_without_cache", "website.wsgi", ROOT),
}


class Row:
    """One line of the table: a path asked of some of the site's servers."""

    def __init__(self, label, path, servers=("before", "uncached", "cached"), revalidate=False):
        self.label, self.path, self.servers, self.revalidate = label, path, servers, revalidate
        self.headers = {name: {} for name in servers}  # an ETag is each server's own
        self.samples = {name: [] for name in servers}  # (site req/s, bare req/s, p50 ms)
        self.not_modified_share = {}  # of 20 revalidations, by server
        self.queries = self.size = None

    def forget(self, *names):
        self.servers = tuple(name for name in self.servers if name not in names)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=2_000, help="in the French calendar")
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3, help="per page, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8790, help="first of six ports")
    parser.add_argument("--before", metavar="REV", help="also serve this git revision")
    args = parser.parse_args()
    server_env = {
        **environment_for_server(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # One address asks hundreds of searches a minute: measure the search, not its limit.
        "SEARCH_REQUESTS_PER_MINUTE": str(10**9),
    }
    os.environ.update(server_env)
    os.environ["DJANGO_SETTINGS_MODULE"] = SERVERS["uncached"][0]
    settings = start_django(f"side-by-side-{args.practices}.sqlite3")
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    prepare(args)
    rows = table_rows()
    count_queries(rows)
    tool = "wrk" if shutil.which("wrk") else "a Python loop"
    print(f"database: {database}; load: {tool}, {args.concurrency} connections, ", end="")
    print(f"{args.workers} sync workers per server, {args.rounds} × {args.seconds} s")
    if args.before:
        add_earlier_revision(args.before)
    else:
        for row in rows:
            row.forget("before", "before-cold")
    servers = {}
    try:
        for offset, name in enumerate(SERVERS):
            servers[name] = Server(name, args.port + offset, args.workers)
        for server in servers.values():
            server.wait_until_up()
        measure(args, servers, rows)
    finally:
        for server in servers.values():
            server.stop()
        if args.before:
            remove_earlier_revision()
    report(rows, args.before)


def prepare(args):
    import data
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    added = (
        data.ensure_practices(args.practices)
        + data.ensure_events(args.events * 3)  # nothing searches for them: three calendars
        + data.ensure_documents(args.documents)
    )
    print(f"prepared in {time.perf_counter() - started:.0f} s, {added} items added")
    if added:
        data.reindex()


def table_rows():
    from practices.models import PracticePage

    practice = PracticePage.objects.live().filter(locale__language_code="fr").order_by("pk")[0]
    feed = "/fr/agenda/ical/"
    return [
        Row("home", "/fr/"),
        Row("library", "/fr/bonnes-pratiques/"),
        Row("calendar", "/fr/agenda/"),
        Row("a practice", practice.url),
        Row("search «intégration»", "/fr/search/?q=" + quote("intégration")),
        Row("iCal feed, cold build", feed, servers=("before-cold", "cold")),
        Row("iCal feed", feed),
        Row("iCal 304 (If-None-Match)", feed, revalidate=True),
    ]


BEFORE = Path(tempfile.gettempdir()) / "side-by-side-before"


def add_earlier_revision(revision):
    """A worktree of `revision` with this bench's settings, its static files collected."""
    remove_earlier_revision()
    git = ["git", "-C", str(ROOT)]
    subprocess.run([*git, "worktree", "add", "--detach", str(BEFORE), revision], check=True)  # noqa: S603
    for name in ("settings_without_page_cache.py", "settings_without_cache.py", "__init__.py"):
        shutil.copy(ROOT / "bench" / name, BEFORE / "bench" / name)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=BEFORE,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.production"},
        check=True,
    )
    SERVERS["before"] = ("bench.settings_without_page_cache", "website.wsgi", BEFORE)
    SERVERS["before-cold"] = ("bench.settings_without_cache", "website.wsgi", BEFORE)


def remove_earlier_revision():
    if BEFORE.exists():
        git = ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(BEFORE)]
        subprocess.run(git, check=True)  # noqa: S603


def count_queries(rows):
    """The queries of one request to the site without the page cache, once warm (the
    cold row: right after the cache is emptied), and its size in KiB, plain / gzipped."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for row in rows:
        headers = {}
        if row.revalidate:
            headers["HTTP_IF_NONE_MATCH"] = client.get(row.path)["ETag"]
        client.get(row.path, **headers)
        if "cold" in row.servers:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(row.path, **headers)
        assert response.status_code == (304 if row.revalidate else 200), row.path
        row.queries = len(queries.captured_queries)
        plain, packed = len(response.content), len(gzip.compress(response.content, 5))
        row.size = f"{plain / 1024:.0f} / {packed / 1024:.0f}"


class Server:
    def __init__(self, name, port, workers):
        settings_module, application, directory = SERVERS[name]
        self.name, self.port = name, port
        command = [str(GUNICORN), application, f"--bind=127.0.0.1:{port}"]
        command += [f"--workers={workers}", "--worker-class=sync", "--timeout=120"]
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=directory,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_until_up(self):
        for _ in range(300):
            try:
                fetch(self.port, "/robots.txt" if self.name != "bare" else "/")
                return
            except OSError:
                time.sleep(0.1)
        sys.exit(f"gunicorn ({self.name}) did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def fetch(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def measure(args, servers, rows):
    for row in rows:
        warm_up(args, servers, row)
    bare = servers["bare"]
    warm_up(args, servers, Row("bare", "/", servers=("bare",)))
    for round_number in range(args.rounds):
        for row in rows:
            for name in row.servers:
                reference = load(args, bare.port, "/", {})
                slow = name.endswith("cold")
                site = load(args, servers[name].port, row.path, row.headers[name], slow)
                row.samples[name].append((site[0], reference[0], site[1]))
        print(f"round {round_number + 1} of {args.rounds} done", file=sys.stderr)


def warm_up(args, servers, row):
    """Templates, catalogues and each worker's own data loaded before anything is timed;
    for a revalidation, the ETag to send and how often each worker honours it."""
    for name in row.servers:
        port = servers[name].port
        threads = [
            threading.Thread(target=fetch, args=(port, row.path)) for _ in range(args.workers * 2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if row.revalidate:
            row.headers[name] = {"If-None-Match": fetch(port, row.path).getheader("ETag")}
            statuses = [fetch(port, row.path, row.headers[name]).status for _ in range(20)]
            row.not_modified_share[name] = statuses.count(304) / len(statuses)


def load(args, port, path, headers, slow=False):
    """(req/s, p50 ms) for `path` under `args.concurrency` connections for `args.seconds`.

    A slow page gets the Python loop, which finishes the requests it started: wrk drops
    those still running when its time is up, and counts none for a 3-second build."""
    if shutil.which("wrk") and not slow:
        return wrk(args, port, path, headers)
    return python_load(args, port, path, headers)


def wrk(args, port, path, headers):
    command = ["wrk", f"-c{args.concurrency}", f"-t{min(args.concurrency, 2)}"]
    command += [f"-d{args.seconds}s", "--timeout=60s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if failed:
        sys.exit(f"{path}: {failed.group(1)} error responses\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)", output).groups()
    return rate, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def python_load(args, port, path, headers):
    """Each thread keeps its connection while the server does (gunicorn's sync workers
    close it after every response, so it reconnects then)."""
    deadline = time.perf_counter() + args.seconds
    latencies, errors = [], []

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                errors.append(response.status)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=run) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        sys.exit(f"{path}: {len(errors)} error responses ({errors[0]} ...)")
    return len(latencies) / (time.perf_counter() - started), percentile(latencies, 0.5)


def report(rows, before):
    bare = [bare for row in rows for samples in row.samples.values() for _s, bare, _l in samples]
    print(f"\nbare Django page: {sum(bare) / len(bare):.0f} req/s (mean of {len(bare)} loads)\n")
    columns = "req/s | × bare | p50 ms"
    earlier = f"{before} uncached {columns} | " if before else ""
    print(f"| page | {earlier}uncached {columns} | SQL | cached {columns} | KiB / gzipped |")
    print("|---|" + "---|" * (11 if before else 8))
    for row in rows:
        cells = [
            figures(row.samples.get("before") or row.samples.get("before-cold")),
            figures(row.samples.get("uncached") or row.samples.get("cold")),
            figures(row.samples.get("cached")),
        ]
        label = row.label
        if row.not_modified_share:
            shares = " / ".join(f"{share:.0%}" for share in row.not_modified_share.values())
            label += f" ({shares} answered 304)"
        earlier = f"{' | '.join(cells[0])} | " if before else ""
        print(
            f"| {label} | {earlier}{' | '.join(cells[1])} | {row.queries} "
            f"| {' | '.join(cells[2])} | {row.size} |"
        )


def figures(samples):
    """Sums over the rounds, so that each round's page and bare loads stay paired."""
    if not samples:
        return ["–", "–", "–"]
    site = sum(rate for rate, _bare, _latency in samples)
    bare = sum(bare for _rate, bare, _latency in samples)
    latency = percentile([latency for _rate, _bare, latency in samples], 0.5)
    return [f"{site / len(samples):.1f}", f"{site / bare:.3f}", f"{latency:.0f}"]


if __name__ == "__main__":
    main()
