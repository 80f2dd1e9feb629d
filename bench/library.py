"""Library page server time (p50, p95) and query count with N practices.

    .venv/bin/python bench/library.py --practices 10000

Runs on the embedded default (SQLite) unless DATABASE_URL names another database. The
data is built once per N in bench/results/ and reused by later runs.
"""

import argparse
import time

from environment import percentile, start_django

SCENARIOS = [
    ("/fr/bonnes-pratiques/", {}),
    ("/fr/bonnes-pratiques/", {"country": "SN"}),
    ("/fr/bonnes-pratiques/", {"country": "MA", "theme": "diaspora", "since": "2015"}),
    ("/en/good-practices/", {"status": "ongoing", "sort": "title", "page": "3"}),
    ("/fr/bonnes-pratiques/", {"q": "diaspora"}),
    ("/ar/good-practices/", {"q": "integration", "country": "SN"}),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30, help="per scenario")
    args = parser.parse_args()
    start_django(f"library-{args.practices}.sqlite3")
    prepare(args.practices)
    measure(args.requests)


def prepare(total):
    from django.core.management import call_command

    from practices.models import PracticePage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    import data

    added = data.ensure_practices(total)
    print(f"prepared in {time.perf_counter() - started:.0f} s, {added} practices added")
    if added:
        data.reindex()
    print(f"practices: {PracticePage.objects.count()}")


def measure(repeat):
    """Each scenario as a new address (one nobody asked for since the last publish: an
    `until` year past every practice makes it new without changing the results; the
    rows are already built) and repeated (the same address again: the page cache
    answers it unless it has words, a counted search)."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.get("/fr/")  # load templates and Wagtail's per-process caches
    print(f"{'':52} {'new selection':>21}   {'repeated':>21}")
    print(f"{'scenario':52} {'p50':>6} {'p95':>6} {'SQL':>7}   {'p50':>6} {'p95':>6} {'SQL':>7}")
    for path, params in SCENARIOS:
        cold = [timed(client, path, {**params, "until": str(2100 - n)}) for n in range(repeat)]
        timed(client, path, params)  # the page is now cached
        warm = [timed(client, path, params) for _ in range(repeat)]
        label = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        print(f"{label[:52]:52} {summary(cold)}   {summary(warm)}")


def timed(client, path, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path, params)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed, len(queries.captured_queries)


def summary(samples):
    times = [elapsed for elapsed, _queries in samples]
    queries = {count for _elapsed, count in samples}
    return (
        f"{percentile(times, 0.5):6.1f} {percentile(times, 0.95):6.1f} "
        f"{'/'.join(map(str, sorted(queries))):>7}"
    )


if __name__ == "__main__":
    main()
