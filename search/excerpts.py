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
    matched = [n for n, token in enumerate(tokens) if _matches(token.group(), words)]
    first = matched[0] if matched else 0
    start_token, end_token = max(first - BEFORE, 0), min(first + AFTER, len(tokens) - 1)
    start = tokens[start_token].start() if start_token else 0
    end = tokens[end_token].end() if end_token < len(tokens) - 1 else len(plain)
    pieces, cursor = [], start
    for n in matched:
        if start_token <= n <= end_token:
            token = tokens[n]
            pieces += [escape(plain[cursor : token.start()]), "<mark>", escape(token.group())]
            pieces.append("</mark>")
            cursor = token.end()
    pieces.append(escape(plain[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(plain) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped


def _matches(token, words):
    folded = fold(token)
    return any(folded.startswith(word) for word in words if word)
