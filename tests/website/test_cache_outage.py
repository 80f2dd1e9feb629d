"""Redis is an optimisation: when it stops answering, pages are built uncached, limits
are skipped, and what people submit is saved and mailed all the same."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core import mail

from registrations.models import Registration
from tests.registering import page_in, submit
from tests.services import REFUSED, redis_cache, require
from website import resilient_cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_pages_are_served_uncached_when_redis_refuses(client, forum, redis_and_broker_down):
    event_pages = [page_in(forum, code).url for code in ("fr", "ar")]
    for path in ["/fr/", "/ar/", "/en/calendar/", "/fr/a-propos/", "/robots.txt", *event_pages]:
        assert client.get(path).status_code == 200, path
        assert client.get(path).status_code == 200, f"{path} again, still without a cache"


def test_a_registration_is_saved_and_mailed_when_redis_is_down(
    client, forum, redis_and_broker_down
):
    response = submit(client, forum, "ar")
    assert response.status_code == 303
    assert Registration.objects.filter(event=forum).count() == 1
    assert [message.to for message in mail.outbox] == [["aminata.diallo@example.org"]]
    link = mail.outbox[0].body
    assert "/ar/events/" in link, "the confirmation link is built without the cache"


def test_limits_are_skipped_not_enforced_without_their_counters(
    client, forum, redis_and_broker_down, settings
):
    settings.REGISTRATION_SUBMISSIONS_PER_ADDRESS = 1
    assert submit(client, forum, email="a@example.org").status_code == 303
    assert submit(client, forum, email="b@example.org").status_code == 303


def test_the_outage_is_logged_once_not_on_every_request(client, site_tree, settings, caplog):
    redis_cache(settings, REFUSED)
    with caplog.at_level(logging.WARNING, logger="website.resilient_cache"):
        for _ in range(5):
            assert client.get("/fr/").status_code == 200
    outage_lines = [r for r in caplog.records if r.name == "website.resilient_cache"]
    assert len(outage_lines) == 1
    assert "served uncached" in outage_lines[0].getMessage()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(port, directory):
    binary = shutil.which("redis-server")
    require(binary, "redis-server")
    server = subprocess.Popen(  # noqa: S603 - our own redis-server binary
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", directory],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    pytest.fail("redis-server did not start")


def stop(server):
    server.kill()
    server.wait()


def test_redis_stopped_mid_run_and_started_again(
    client, site_tree, settings, tmp_path, monkeypatch
):
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0)
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    redis_cache(settings, url)
    server = start_redis(port, tmp_path)
    try:
        assert client.get("/fr/a-propos/").status_code == 200
        assert redis.Redis.from_url(url).dbsize() > 0, "the page went into the cache"
        stop(server)
        assert client.get("/fr/a-propos/").status_code == 200
        assert client.get("/fr/").status_code == 200
        server = start_redis(port, tmp_path)
        assert client.get("/en/").status_code == 200
        assert redis.Redis.from_url(url).dbsize() > 0, "the cache is used again"
    finally:
        stop(server)
