"""Typography that differs between the site's languages."""

from django.utils.translation import get_language

# Arabic separates the items of a list with its own comma; the Latin one, followed by a
# space, reads as a stray mark in right-to-left text.
LIST_SEPARATORS = {"ar": "، "}
DEFAULT_SEPARATOR = ", "


def list_separator(language=None):
    return LIST_SEPARATORS.get(language or get_language(), DEFAULT_SEPARATOR)


def join_names(names, language=None):
    """'Maroc, Sénégal' / 'المغرب، السنغال': a list of names joined for the language."""
    return list_separator(language).join(str(name) for name in names if name)
