"""Full-text search as every list asks it: a visitor's question in, ranked matches out.

The question is cut and stemmed as the index was (website/search_language.py), under
each language's stemmer, since a French visitor may type English and a document may be
in any language; stop words are left out unless nothing else is left. Each remaining
word is a group of terms (its stems, what the site's synonyms give for it, and for the
last word the terms it begins, as it may be unfinished). A result scores, per group,
the group's idf times the best weight of its terms in the result (website/search_index.py
weighs title, summary, taxonomy and body), plus a bonus for two words found side by
side in a title or summary. Results with more of the words come first: one with all of
them ranks above one with some, and one with some is still found.

At most three queries whatever the size of the site: how many objects have each term,
the terms the last word begins if it is no term itself, and each object's best weight
per term set. When Elasticsearch is
the configured backend it answers instead (any of the words), and this index answers
whenever it is down.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, Count, F, Max, Q, When
from wagtail.models import Locale

from .search_backends import default_is_search_server, server_search
from .search_index import EVERY_OBJECT, KINDS, SearchTerm, model_of
from .search_language import STEMMERS, bigrams, folded, is_stop_word, stem, words
from .synonyms import synonym_groups

WORD = re.compile(r"\w+")
MAX_MATCHES = 2000
FEW_IDS = 500
SHORTEST_PREFIX = 3
PREFIX_TERMS = 30  # the most frequent terms an unfinished last word stands for
PREFIX_DISCOUNT = 0.6  # a word that only begins a term is a weaker match than the term
PHRASE_BONUS = 0.5
# Relevance maps into [0, 1) below the count of words found: more words always win.
RELEVANCE_SCALE = 10.0


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


@dataclass
class Group:
    """One word of the question: found if any alternative is, an alternative being a
    list of term sets that must all be found (a synonym of several words)."""

    word: str
    alternatives: list
    prefix: str = ""  # the word as typed, if it may be the start of a longer one
    prefix_terms: frozenset = frozenset()  # the terms it begins

    def terms(self):
        every = [terms for alternative in self.alternatives for terms in alternative]
        return set().union(self.prefix_terms, *every)

    def found(self, best, slots):
        """Its weight in an object whose best weight per slot is `best`."""
        if len(self.alternatives) == 1 and len(self.alternatives[0]) == 1:
            found = best[slots[self.alternatives[0][0]]] or 0.0  # one word, no synonym
        else:
            found = max(
                min(best[slots[terms]] or 0.0 for terms in alternative)
                for alternative in self.alternatives
            )
        if self.prefix_terms and not found:
            return PREFIX_DISCOUNT * (best[slots[self.prefix_terms]] or 0.0)
        return found


def search(q, language, kinds, limit=MAX_MATCHES, also=None):
    """Matches of `q` among `kinds` ("practice", "event", "country", "page", "document")
    of `language`'s pages (documents in any language), best first; `also` ({kind: [pk]})
    adds pages of other languages that a list offers untranslated."""
    also = {kind: ids for kind, ids in (also or {}).items() if ids}
    question = words(q)
    found = tuple(folded(word) for word in question)
    kinds = [kind for kind in kinds if kind in KINDS]
    if not question or not kinds:
        return TextSearch(q=q, words=found)
    if default_is_search_server():
        matches = _server_matches(found, language, kinds, limit, also)
        if matches is not None:
            return TextSearch(q=q, words=found, matches=matches)
    groups, phrases = _groups(question, language)
    return _ranked(q, found, groups, phrases, _scope(language, kinds, also), limit)


def stems(word):
    """A word of the question as a term of text in each language."""
    return frozenset(stem(variant, code) for code in STEMMERS for variant in {word, folded(word)})


def _groups(question, language):
    content = [word for word in question if not is_stop_word(word)] or question
    groups = [Group(folded(word), [[stems(word)]]) for word in content]
    _add_synonyms(groups, language)
    last = groups[-1]
    if content[-1] == question[-1] and len(last.word) >= SHORTEST_PREFIX:
        last.prefix = last.word
    phrases = [
        frozenset(bigrams([stem(first, code), stem(second, code)])[0] for code in STEMMERS)
        for first, second in zip(content, content[1:], strict=False)
    ]
    return groups, phrases


def _add_synonyms(groups, language):
    """Each phrase of the question that is in a synonym group may be found as any other
    phrase of the group: a word as its stems, several words as all their stems or as
    their phrase in a title or summary."""
    typed = [group.word for group in groups]
    for synonyms in synonym_groups(language):
        for phrase in synonyms:
            span = _find(typed, WORD.findall(phrase))
            for group in (groups[index] for index in span):
                for other in synonyms:
                    if other != phrase:
                        group.alternatives += _alternatives(other)


def _find(typed, phrase):
    for start in range(len(typed) - len(phrase) + 1):
        if phrase and typed[start : start + len(phrase)] == phrase:
            return range(start, start + len(phrase))
    return range(0)


def _alternatives(phrase):
    content = [word for word in words(phrase) if not is_stop_word(word)]
    if len(content) < 2:
        return [[stems(word)] for word in content]
    side_by_side = frozenset(
        term for code in STEMMERS for term in bigrams([stem(word, code) for word in content])
    )
    return [[stems(word) for word in content], [side_by_side]]


def _scope(language, kinds, also):
    scope = Q(language=language, kind__in=[kind for kind in kinds if kind != "document"])
    for kind, ids in also.items():
        if kind in kinds:
            # Past a few hundred, a list of ids costs more to send than the other
            # languages' rows cost to read: those are searched, and the list keeps only
            # what it offers.
            scope |= Q(kind=kind, object_id__in=ids) if len(ids) <= FEW_IDS else Q(kind=kind)
    return scope | Q(kind="document") if "document" in kinds else scope


def _ranked(q, found, groups, phrases, scope, limit):
    asked = set().union(*(group.terms() for group in groups), *phrases)
    frequency = dict(
        SearchTerm.objects.filter(scope, term__in=[*asked, EVERY_OBJECT])
        .values_list("term")
        .annotate(count=Count("*"))
        .values_list("term", "count")
    )
    total = frequency.pop(EVERY_OBJECT, 0)
    last = groups[-1]
    if last.prefix and not frequency.keys() & last.terms():
        # Not a word of the index as typed: the start of one.
        begun = _prefix_terms(last.prefix, scope)
        last.prefix_terms = frozenset(begun)
        frequency.update(begun)
    unmatched = tuple(group.word for group in groups if not frequency.keys() & group.terms())
    slots = _slots(groups, phrases)
    rows = _best_weights(slots, scope, frequency.keys()) if frequency else []
    # Plain tuples ranked, Match objects made for the kept ones only: a common word
    # scores thousands of objects.
    best = sorted(_scored(rows, groups, phrases, slots, frequency, total), key=_rank_order)[:limit]
    matches = [Match(kind, pk, score) for kind, pk, score in best]
    return TextSearch(q=q, words=found, unmatched=unmatched, matches=matches)


def _rank_order(scored):
    kind, pk, score = scored
    return -score, kind, pk


def _prefix_terms(prefix, scope):
    """The terms of the index the unfinished word begins (the most frequent), with the
    number of objects that have each."""
    rows = (
        SearchTerm.objects.filter(scope, term__gt=prefix, term__lt=prefix + "\U0010ffff")
        .filter(term__startswith=prefix)
        .exclude(term__contains=" ")
        .values_list("term")
        .annotate(count=Count("*"))
        .order_by("-count", "term")[:PREFIX_TERMS]
    )
    return dict(rows)


def _slots(groups, phrases):
    """Every distinct term set asked, numbered: one column of the weights query each."""
    slots = {}
    for group in groups:
        for alternative in group.alternatives:
            for terms in alternative:
                slots.setdefault(terms, len(slots))
        if group.prefix_terms:
            slots.setdefault(group.prefix_terms, len(slots))
    for terms in phrases:
        slots.setdefault(terms, len(slots))
    return slots


def _best_weights(slots, scope, present):
    """Per object that has any of the terms: its best weight in each slot."""
    columns = {
        f"slot{number}": Max(Case(When(term__in=list(terms), then=F("weight"))))
        for terms, number in slots.items()
    }
    rows = (
        SearchTerm.objects.filter(scope, term__in=list(present))
        .values("kind", "object_id")
        .annotate(**columns)
        .values_list("kind", "object_id", *columns)
    )
    # Straight from the cursor: the ORM's per-value conversion of thousands of rows cost
    # as much as the query (the values are plain strings, integers and floats).
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _scored(rows, groups, phrases, slots, frequency, total):
    def idf(terms):
        count = max((frequency.get(term, 0) for term in terms), default=0)
        return math.log(1 + (total - count + 0.5) / (count + 0.5))

    weights = [(idf(group.terms()), group) for group in groups]
    bonuses = [(PHRASE_BONUS * idf(terms), slots[terms]) for terms in phrases]
    for kind, pk, *best in rows:
        matched, relevance = 0, 0.0
        for weight, group in weights:
            found = group.found(best, slots)
            if found:
                matched += 1
                relevance += weight * found
        for bonus, slot in bonuses:
            if best[slot]:
                relevance += bonus * best[slot]
        if matched:
            yield kind, pk, matched + relevance / (relevance + RELEVANCE_SCALE)


def _server_matches(found, language, kinds, limit, also):
    """Elasticsearch's matches, or None when it does not answer."""
    locale = Locale.objects.filter(language_code=language).first()
    matches = []
    for kind in kinds:
        queryset = model_of(kind).search_index_queryset()
        if kind != "document":
            # The search API filters on the page's own fields only.
            queryset = queryset.filter(Q(locale=locale) | Q(pk__in=also.get(kind, [])))
        scored = server_search(queryset, found, limit, None if kind == "document" else language)
        if scored is None:
            return None
        matches += [Match(kind, pk, score) for pk, score in scored]
    matches.sort(key=lambda match: -match.score)
    return matches[:limit]
