"""Calendar numbers with N events: the full iCal feed's build time (from the stored
VEVENTs, and once writing them all), a 304 revalidation, and the calendar page's p50/p95
and SQL count.

    .venv/bin/python bench/calendar_feed.py --events 2000
"""

import argparse
import time

from environment import percentile, start_django


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    start_django(f"calendar-{args.events}.sqlite3")
    prepare(args.events)
    measure(args.requests)


def prepare(total):
    from django.core.management import call_command

    from events.models import EventPage

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from data import ensure_events

    ensure_events(total * 3)  # `total` in each language's calendar; nothing searches them
    print(
        "events in the French calendar:",
        EventPage.objects.filter(locale__language_code="fr").count(),
    )


def measure(repeat):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    feed = "/fr/agenda/ical/"
    print(f"first build, writing every event's VEVENT: {first_build(client, feed):.0f} ms")
    builds = []
    for _ in range(max(3, repeat // 4)):
        cache.clear()  # a new process: nothing but the stored VEVENTs
        started = time.perf_counter()
        response = client.get(feed)
        builds.append((time.perf_counter() - started) * 1000)
    size = len(response.content) / 1024
    print(f"full iCal feed ({size:.0f} KiB), empty cache: p50 {percentile(builds, 0.5):.0f} ms")
    print(f"after one event is republished: p50 {republished(client, feed):.0f} ms")
    etag = client.get(feed)["ETag"]
    revalidations = []
    for _ in range(repeat * 5):
        started = time.perf_counter()
        not_modified = client.get(feed, HTTP_IF_NONE_MATCH=etag)
        revalidations.append((time.perf_counter() - started) * 1000)
    assert not_modified.status_code == 304
    print(f"304 revalidation: p50 {percentile(revalidations, 0.5):.1f} ms")
    for path in (
        "/fr/agenda/",
        "/fr/agenda/?country=SN&type=forum",
        "/fr/agenda/past/",
        "/fr/agenda/month/2027/3/",
    ):
        timings = []
        for _ in range(repeat):
            cache.clear()
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(
            f"{path:40} p50 {percentile(timings, 0.5):6.1f} ms"
            f"  p95 {percentile(timings, 0.95):6.1f} ms"
            f"  SQL {len(queries.captured_queries)} (warm)"
        )


def first_build(client, feed):
    """Once, after an upgrade that brings new time-zone rules: every entry written."""
    from events.models import CalendarEntry

    CalendarEntry.objects.all().delete()
    started = time.perf_counter()
    assert client.get(feed).status_code == 200
    return (time.perf_counter() - started) * 1000


def republished(client, feed, times=5):
    """The usual case: one event changes and the feed is built again."""
    from events.models import EventPage

    timings = []
    for event in EventPage.objects.filter(locale__language_code="fr").order_by("?")[:times]:
        event.save_revision().publish()
        started = time.perf_counter()
        assert client.get(feed).status_code == 200
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.5)


if __name__ == "__main__":
    main()
