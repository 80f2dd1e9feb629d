"""A short excerpt of a result around the first matched word, matches highlighted.

Words are compared folded (accents, case, Arabic variants and article), so a query for
`integration` highlights `l'intégration` and `إدماج` highlights `الإدماج`.
"""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from website.search_text import fold

TOKEN = re.compile(r"\w+", re.UNICODE)
BEFORE, AFTER = 12, 28  # words of context


def excerpt(text, words):
    plain = " ".join(strip_tags(text or "").split())
    tokens = list(TOKEN.finditer(plain))
    if not tokens:
        return ""
    matches = _Matcher(words)
    first = next((n for n, token in enumerate(tokens) if matches(token.group())), 0)
    start_token, end_token = max(first - BEFORE, 0), min(first + AFTER, len(tokens) - 1)
    # Only the words shown are looked at after the first match: a document's text runs
    # to thousands of words.
    matched = [n for n in range(start_token, end_token + 1) if matches(tokens[n].group())]
    start = tokens[start_token].start() if start_token else 0
    end = tokens[end_token].end() if end_token < len(tokens) - 1 else len(plain)
    pieces, cursor = [], start
    for n in matched:
        token = tokens[n]
        pieces += [escape(plain[cursor : token.start()]), "<mark>", escape(token.group())]
        pieces.append("</mark>")
        cursor = token.end()
    pieces.append(escape(plain[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(plain) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped


class _Matcher(dict):
    """Whether a token starts with one of the words, each distinct token folded once."""

    def __init__(self, words):
        super().__init__()
        self.words = [word for word in words if word]

    def __call__(self, token):
        return self[token]

    def __missing__(self, token):
        folded = fold(token)
        found = self[token] = any(folded.startswith(word) for word in self.words)
        return found
