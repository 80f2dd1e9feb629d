"""Headless Chromium from Debian, driven by Playwright, kept from reaching beyond this machine."""

import os
import shutil
import tempfile

import pytest

from tests.services import require

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to be
# called from such a thread unless told the calls are made synchronously, as they are here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    require(path, "Chromium (Debian package 'chromium')")
    return path


def _chromium(chromium_path, **options):
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS, **options
        )
        yield context
        context.close()


@pytest.fixture
def browser_context(chromium_path):
    yield from _chromium(chromium_path, viewport={"width": 1280, "height": 800})


@pytest.fixture
def phone_without_javascript(chromium_path):
    """A page on a 390 px phone whose browser runs no script: what the site must work in."""
    for context in _chromium(
        chromium_path, viewport={"width": 390, "height": 844}, java_script_enabled=False
    ):
        yield context.new_page()


@pytest.fixture
def browser_page(browser_context):
    return browser_context.new_page()
