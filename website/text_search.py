"""Full-text search as every list asks it: a visitor's question in, ranked matches out.

INTERFACE STUB for issue 14 (the search core replaces the body; the listing engine and
the relevance set build against the signatures). Today: every word must match, through
Wagtail's search API (website/search_backends.py).
"""

import re
from dataclasses import dataclass, field

from .search_backends import search_ids
from .search_text import fold

WORD = re.compile(r"\w+")
MAX_MATCHES = 2000


@dataclass(frozen=True)
class Match:
    kind: str  # "practice", "event", "country", "page" (pages) or "document"
    pk: int
    score: float  # higher is better; only comparable within one search


@dataclass(frozen=True)
class TextSearch:
    q: str
    words: tuple  # the visitor's words, folded, in their order
    unmatched: tuple = ()  # words (as folded) that found nothing among these kinds
    matches: list = field(default_factory=list)  # Match, best first

    def ids(self, kind):
        return [match.pk for match in self.matches if match.kind == kind]

    def scores(self, kind):
        return {match.pk: match.score for match in self.matches if match.kind == kind}


def search(q, language, kinds, limit=MAX_MATCHES):
    """Matches of `q` among `kinds` ("practice", "event", "country", "page", "document")
    of `language`'s pages (documents in any language), best first."""
    from django.apps import apps
    from wagtail.models import Locale

    words = tuple(WORD.findall(fold(q)))
    models = {
        "practice": "practices.PracticePage",
        "event": "events.EventPage",
        "country": "exchange.CountryPage",
        "page": "website.StandardPage",
        "document": "exchange.PolicyDocument",
    }
    # The search backends filter on the locale itself, not through it.
    locale = Locale.objects.get(language_code=language)
    matches = []
    for kind in kinds:
        model = apps.get_model(models[kind])
        queryset = model.objects.all()
        if kind != "document":
            queryset = queryset.filter(locale=locale)
        else:
            queryset = queryset.exclude(doc_type="")
        ids = search_ids(queryset, words, limit, language if kind != "document" else None)
        matches += [Match(kind, pk, 1 / (1 + rank)) for rank, pk in enumerate(ids)]
    matches.sort(key=lambda match: -match.score)
    return TextSearch(q=q, words=words, matches=matches[:limit])
