"""Production settings without the whole-page cache, for bench/side_by_side.py: what an
editor, a participant or the first visitor after a publish gets. The caches of parts
(versions, listings, iCal events, ...) stay."""

from website.settings.production import *  # noqa: F403
from website.settings.production import MIDDLEWARE

MIDDLEWARE = [name for name in MIDDLEWARE if not name.endswith(".AnonymousPageCacheMiddleware")]
