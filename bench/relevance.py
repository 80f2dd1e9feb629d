"""How well the site search answers officials' questions: hits@3 and the mean reciprocal
rank of the relevance set (tests/search/relevance_set.py) on the demo content, overall and
per language, and the questions it misses.

    .venv/bin/python bench/relevance.py
    DATABASE_URL=postgres://ssme:ssme@127.0.0.1:5432/ssme_bench \\
        .venv/bin/python bench/relevance.py

Runs on the embedded default (SQLite, bench/results/relevance.sqlite3) unless DATABASE_URL
names another database. The database is emptied and the demo seeded afresh on every run,
so that the figures measure the engine and nothing left from an earlier run: on
PostgreSQL every table of that database is dropped. `--keep` asks again a database
seeded by an earlier run.
"""

import argparse
import os
import time

from environment import RESULTS, start_django

DATABASE = "relevance.sqlite3"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", action="store_true", help="reuse the last run's database")
    args = parser.parse_args()
    if not args.keep and "DATABASE_URL" not in os.environ:
        (RESULTS / DATABASE).unlink(missing_ok=True)
    # One client asks dozens of questions in a few seconds: measure, do not throttle.
    os.environ.setdefault("SEARCH_REQUESTS_PER_MINUTE", str(10**9))
    settings = start_django(DATABASE)
    print("database:", settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])
    if not args.keep:
        seed()
    report(ask_all())


def seed():
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # seed_demo indexes what it publishes; a rebuild also fills any index of its own
    # that the search engine keeps beside it.
    call_command("rebuild_search_index", verbosity=0)
    print(f"demo seeded in {time.perf_counter() - started:.0f} s")


def ask_all():
    from django.test import Client

    from tests.search.relevance_set import QUESTIONS, ask

    client = Client(HTTP_HOST="localhost")
    started = time.perf_counter()
    outcomes = [ask(client, question) for question in QUESTIONS]
    elapsed = (time.perf_counter() - started) * 1000 / len(outcomes)
    print(f"{len(outcomes)} questions, {elapsed:.0f} ms each on average")
    return outcomes


def report(outcomes):
    from tests.search.relevance_set import (
        RANKED,
        TOP,
        describe_miss,
        hits_at_top,
        mean_reciprocal_rank,
    )

    print(f"{'':8} {'questions':>9} {f'hits@{TOP}':>7} {f'MRR@{RANKED}':>7}")
    for language in ("fr", "en", "ar", None):
        chosen = [o for o in outcomes if language in (None, o.question.language)]
        print(
            f"{language or 'all':8} {len(chosen):9} {hits_at_top(chosen):7.0%} "
            f"{mean_reciprocal_rank(chosen):7.2f}"
        )
    misses = [describe_miss(outcome) for outcome in outcomes if not outcome.hit]
    print(f"\nmissed ({len(misses)}):" if misses else "\nno question missed")
    for miss in misses:
        print(" ", miss)


if __name__ == "__main__":
    main()
