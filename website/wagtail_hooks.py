"""Admin hooks of the core: how translations are moderated and overseen."""

from . import localize, translation_overview  # noqa: F401  (they register their hooks)
