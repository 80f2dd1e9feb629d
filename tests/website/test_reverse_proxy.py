"""Behind nginx, configured with deploy/nginx.conf as the README says: pages and feeds
arrive compressed, calendar clients still revalidate, and every limit counts the visitor
on the address nginx received them from."""

import gzip
import http.client
import shutil
import socket
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.factories import make_event
from tests.services import require

SNIPPET = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"

pytestmark = [pytest.mark.proxy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(live_server):
    """nginx on 127.0.0.1 with the repository's snippet, in front of the live server."""
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    require(binary, "nginx (Debian package 'nginx-light')")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="nginx-") as directory:
        temp = "".join(
            f"{kind}_temp_path {directory}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (Path(directory) / "nginx.conf").write_text(
            f"daemon off; worker_processes 1; pid {directory}/nginx.pid;\n"
            f"error_log {directory}/error.log;\n"
            "events {}\n"
            f"http {{ access_log off; {temp}\n"
            f"  upstream ssme {{ server {urlsplit(live_server.url).netloc}; }}\n"
            f"  server {{ listen 127.0.0.1:{port}; include {SNIPPET}; }}\n"
            "}\n"
        )
        process = subprocess.Popen(  # noqa: S603
            [binary, "-p", directory, "-e", f"{directory}/error.log", "-c", "nginx.conf"]
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    assert process.poll() is None, (Path(directory) / "error.log").read_text()
                    time.sleep(0.05)
            yield port
        finally:
            process.terminate()
            process.wait(10)


def get(port, path, visitor="127.0.0.1", **headers):
    """A GET to nginx from the loopback address `visitor` (any of 127.0.0.0/8 works)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, source_address=(visitor, 0))
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_pages_and_the_calendar_arrive_compressed_and_the_feed_still_revalidates(
    nginx, site_tree, calendar_page
):
    for days in (30, 60, 90):  # a feed of one event is too short to be worth compressing
        make_event(calendar_page, f"Forum de Rabat {days}", date.today() + timedelta(days=days))
    response, body = get(nginx, "/fr/", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary")
    html = gzip.decompress(body).decode()
    assert "<html" in html and len(body) < len(html) / 2
    assert response.getheader("Content-Security-Policy"), "the site's own headers pass"

    feed = calendar_page.url + "ical/"
    response, body = get(nginx, feed, **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert b"Forum de Rabat 60" in gzip.decompress(body)
    # nginx weakens the ETag of what it compresses; the client sends back what it got.
    etag = response.getheader("ETag")
    response, body = get(nginx, feed, **{"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert (response.status, body) == (304, b"")

    response, body = get(nginx, "/fr/")
    assert response.getheader("Content-Encoding") is None, "only for clients that ask"
    assert b"<html" in body


def test_the_search_limit_counts_the_visitor_nginx_saw_not_nginx_itself(nginx, site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SEARCH_REQUESTS_PER_MINUTE = 1
    # The limit counts per clock minute: the four searches are made again, by other
    # visitors, if a minute ended while they were under way.
    for attempt in range(1, 4):
        minute = time.time() // 60
        first, second = f"127.0.{attempt}.2", f"127.0.{attempt}.3"
        statuses = [
            search(nginx, first),
            search(nginx, first),
            search(nginx, first, **{"X-Forwarded-For": second}),  # forged: nginx appends
            search(nginx, second),
        ]
        if time.time() // 60 == minute:
            break
    assert statuses == [200, 429, 429, 200]


def search(port, visitor, **headers):
    return get(port, "/fr/search/?q=visa", visitor=visitor, **headers)[0].status
