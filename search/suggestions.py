"""Titles that start with, or contain a word starting with, what the visitor typed."""

from website.listing import rows_of
from website.search_text import fold

from .site_search import SITE_SEARCH

LIMIT = 8


def suggest_titles(prefix, locale):
    starts, contains = [], []
    for row in rows_of(SITE_SEARCH, locale).rows:
        folded = fold(row.title)
        if folded.startswith(prefix):
            starts.append(row.title)
        elif any(word.startswith(prefix) for word in folded.split()):
            contains.append(row.title)
    return sorted(set(starts))[:LIMIT] + sorted(set(contains))[: LIMIT - min(len(starts), LIMIT)]
