"""The site's vocabulary: synonyms and acronyms editors maintain (GFMD ↔ FMMD ...).

A group (website.models.SearchSynonym) is a list of interchangeable phrases, one per
line, for one language or for all. Every backend reads them from `synonym_groups`,
folded as the index and the query are (website/search_text.py); Elasticsearch also gets
them in its search analysers (website/elasticsearch_synonyms.py).
"""

import re

from django.utils.translation import gettext as _

from .cache_versions import SYNONYMS_VERSION, version
from .search_text import fold

WORD = re.compile(r"\w+")
MAX_PHRASE_LENGTH = 100


def phrases(text):
    """The phrases written one per line, blank lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def folded_phrase(phrase):
    """The phrase's words as search compares them, one space apart: "l'Étranger" and
    "l etranger" are the same phrase."""
    return " ".join(WORD.findall(fold(phrase)))


def phrase_errors(text):
    """What stops these lines from being a group, in words an editor can act on."""
    written = phrases(text)
    errors = []
    if len(written) < 2:
        errors.append(
            _("Write at least two phrases, one per line: each is searched as the others.")
        )
    seen = set()
    for phrase in written:
        folded = folded_phrase(phrase)
        if not folded:
            errors.append(_("“%(phrase)s” has no letters or digits.") % {"phrase": phrase})
        elif len(phrase) > MAX_PHRASE_LENGTH:
            errors.append(
                _("“%(phrase)s…” is longer than %(limit)d characters.")
                % {"phrase": phrase[:30], "limit": MAX_PHRASE_LENGTH}
            )
        elif folded in seen:
            errors.append(_("“%(phrase)s” is written twice.") % {"phrase": phrase})
        seen.add(folded)
    return errors


# Kept in each process: the table is read on every search. The version is shared through
# the cache, so a change made in any process is seen by all at their next search.
_built = {}


def synonym_groups(language):
    """Each group of interchangeable phrases for `language` (and for every language),
    folded (website/search_text.fold): [("gfmd", "fmmd", "forum mondial ..."), ...]."""
    key = (language, version(SYNONYMS_VERSION))
    if key not in _built:
        for old in [old for old in _built if old[0] == language]:
            del _built[old]
        _built[key] = _load(language)
    return _built[key]


def _load(language):
    # Imported here: the model validates its phrases with this module's functions.
    from .models import SearchSynonym

    rows = SearchSynonym.objects.filter(language__in=("", language)).order_by("pk")
    groups = []
    for text in rows.values_list("phrases", flat=True):
        group = tuple(dict.fromkeys(filter(None, map(folded_phrase, phrases(text)))))
        if len(group) > 1:
            groups.append(group)
    return groups
