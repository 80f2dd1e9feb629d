import os

import pytest
from wagtail.models import Locale

from website import demo


def require(condition, what):
    """Skip a test whose service is missing on a developer's machine; fail it in CI."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI but is not available.")
    pytest.skip(f"{what} is not available on this machine.")


@pytest.fixture
def site_tree(db):
    """The demo tree: a French home page with English and Arabic translations."""
    return demo.seed()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a rolled-back database leaves it stale."""
    from django.core.cache import cache

    cache.clear()
