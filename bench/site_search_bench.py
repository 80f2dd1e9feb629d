"""Site-wide search page server time (p50, p95) and query count with N practices, E events
and D policy documents.

    .venv/bin/python bench/site_search_bench.py --practices 10000 --events 2000 --documents 1000
    DATABASE_URL=postgres://ssme:ssme@127.0.0.1:5432/ssme_bench \\
        .venv/bin/python bench/site_search_bench.py

Runs on the embedded default (SQLite) unless DATABASE_URL names another database. The
data is built once in bench/results/ (or in that database) and reused by later runs.
Every request is a real search: the search page is never served from the page cache.
"""

import argparse
import os
import time

from environment import percentile, start_django

SCENARIOS = [
    ("/fr/search/", {"q": "intégration"}),
    ("/fr/search/", {"q": "diaspora investissement"}),
    ("/fr/search/", {"q": "mot5"}),  # a very common word: thousands of matches
    ("/fr/search/", {"q": "santé jeunes", "type": "practice", "country": "SN"}),
    ("/en/search/", {"q": "integration", "page": "3"}),
    ("/ar/search/", {"q": "إدماج"}),
    ("/fr/search/", {"q": "xyzzyq"}),  # nothing found: spelling hint
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=30, help="per scenario")
    args = parser.parse_args()
    # One client asks hundreds of searches a minute: measure the search, not its limit.
    os.environ.setdefault("SEARCH_REQUESTS_PER_MINUTE", str(10**9))
    settings = start_django(f"search-{args.practices}.sqlite3")
    print("database:", settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])
    prepare(args)
    measure(args.requests)


def prepare(args):
    from django.core.management import call_command

    from events.models import EventPage
    from exchange.models import PolicyDocument
    from practices.models import PracticePage

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    import data

    generated = False
    for model, wanted, generate in [
        (PracticePage, args.practices, data.generate_practices),
        (EventPage, args.events, data.generate_events),
        (PolicyDocument.objects.exclude(doc_type="").model, args.documents, None),
    ]:
        have = (
            PolicyDocument.objects.exclude(doc_type="").count()
            if model is PolicyDocument
            else model.objects.count()
        )
        if have < wanted:
            (generate or data.generate_documents)(wanted - have)
            generated = True
    if generated:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"indexed in {time.perf_counter() - started:.0f} s")
        # Rows written in bulk sent no signal: the site's own search index is built here.
        call_command("rebuild_text_index")
    print(
        f"practices: {PracticePage.objects.count()}, events: {EventPage.objects.count()}, "
        f"documents: {PolicyDocument.objects.exclude(doc_type='').count()}"
    )


def measure(repeat):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.get("/fr/search/", {"q": "warm"})  # templates, catalogue, per-process caches
    print(f"{'scenario':56} {'p50':>7} {'p95':>7} {'SQL':>6} {'results':>8}")
    for path, params in SCENARIOS:
        samples = [timed(client, path, params) for _ in range(repeat)]
        times = [elapsed for elapsed, _q, _r in samples]
        queries = "/".join(map(str, sorted({q for _e, q, _r in samples})))
        label = path + "?" + "&".join(f"{k}={v}" for k, v in params.items())
        print(
            f"{label[:56]:56} {percentile(times, 0.5):7.1f} {percentile(times, 0.95):7.1f} "
            f"{queries:>6} {samples[0][2]:>8}"
        )


def timed(client, path, params):
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path, params)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    found = re.search(
        r'results-count" role="status">([\d\s\u202f\xa0,.]+)', response.content.decode()
    )
    return elapsed, len(queries.captured_queries), (found.group(1).strip() if found else "-")


if __name__ == "__main__":
    main()
