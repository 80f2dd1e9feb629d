"""Reading the messages the site sent (Django's test outbox)."""

import re
import time

from django.core import mail

LINK = re.compile(r"https?://\S+/registration/\S+/")


def last_link(kind="confirm"):
    """The link of that kind in the last e-mail sent."""
    return link_in(mail.outbox[-1], kind)


def link_in(message, kind="confirm"):
    """The link of that kind ("confirm" or "manage") in one e-mail."""
    for url in LINK.findall(message.body):
        if url.endswith("/confirm/") == (kind == "confirm"):
            return url
    raise AssertionError(f"no {kind} link in: {message.body}")


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def wait_for_outbox(count, seconds=20):
    """The outbox once it holds `count` messages, or after `seconds` (a worker sends them)."""
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return mail.outbox
