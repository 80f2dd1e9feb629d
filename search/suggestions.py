"""Titles that start with, or contain a word starting with, what the visitor typed."""

from website.search_text import fold

from .catalogue import catalogue

LIMIT = 8


def suggest_titles(prefix, locale):
    starts, contains = [], []
    for item in catalogue(locale)["items"].values():
        folded = fold(item.title)
        if folded.startswith(prefix):
            starts.append(item.title)
        elif any(word.startswith(prefix) for word in folded.split()):
            contains.append(item.title)
    return sorted(set(starts))[:LIMIT] + sorted(set(contains))[: LIMIT - min(len(starts), LIMIT)]
