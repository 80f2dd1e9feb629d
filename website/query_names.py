"""Facet values a visitor names in their words: "Senegal", "Sénégal" or "السنغال" names
the country SN, "santé" the health theme, in any of the site's languages.

An official typing "diaspora investment Senegal" means practices in Senegal; the
listing engine boosts the items that have a named value (website/listing.py).
"""

import re

from django.conf import settings

from .cache_versions import TAXONOMY_VERSION, version
from .search_text import fold

WORD = re.compile(r"\w+")  # as the listing reads the visitor's words
LONGEST_NAME = 4  # words; "Saint-Vincent-et-les-Grenadines" is longer and rarely typed

_names = {}


def named_values(facets, words):
    """({facet param: {values}}, {the words that named them}) for the folded `words`."""
    named, used = {}, set()
    words = list(words)
    for facet in facets:
        if not facet.named:
            continue
        names = _names_of(facet)
        for size in range(min(LONGEST_NAME, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                value = names.get(tuple(words[start : start + size]))
                if value is not None:
                    named.setdefault(facet.param, set()).add(value)
                    used.update(words[start : start + size])
    return named, used


def _names_of(facet):
    """{folded words of a value's name in any language: value}, kept per process until a
    taxonomy term changes."""
    key = (id(facet), version(TAXONOMY_VERSION))  # facets are module constants
    if key not in _names:
        names = {}
        for code, _name in settings.LANGUAGES:
            for value, label in facet.labels(code).items():
                words = tuple(WORD.findall(fold(str(label))))
                if words and len(words) <= LONGEST_NAME:
                    names.setdefault(words, value)
        if len(_names) > 64:
            _names.clear()
        _names[key] = names
    return _names[key]
