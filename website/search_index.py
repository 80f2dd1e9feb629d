"""The site's own inverted index: one row per (kind, object, language, term) with the
term's weight in that object, so that stemming, weights and ranking are the same on
SQLite and PostgreSQL (website/text_search.py reads it).

Each indexed model says what to index (the kinds below name them by label: the core
imports no app above it): `search_parts()` gives its text by field (FIELDS),
`search_language()` the language it is written in, and the class method
`search_index_queryset()` the objects that belong in the index (live pages, policy
documents), with what `search_parts()` reads prefetched.
"""

from collections import Counter, defaultdict

from django.apps import apps
from django.db import connection, models, transaction
from django.utils import translation
from django.utils.html import strip_tags
from django_countries import countries

from .search_language import bigrams, terms

KINDS = {
    "practice": "practices.PracticePage",
    "event": "events.EventPage",
    "country": "exchange.CountryPage",
    "page": "website.StandardPage",
    "document": "exchange.PolicyDocument",
}
# Field → (bit in SearchTerm.fields, weight): a word in a title says more than one in a body.
FIELDS = {"title": (1, 3.0), "summary": (2, 2.0), "taxonomy": (4, 2.0), "body": (8, 1.0)}
PHRASE_FIELDS = ("title", "summary")
# BM25: how fast repeating a word stops adding to its weight, and how much a long body
# dilutes each of its words (relative to a body of BODY_LENGTH terms).
K1 = 1.2
B = 0.75
BODY_LENGTH = 300
# Every indexed object has a row for this term: counting them gives the N of the idf.
EVERY_OBJECT = ""
BATCH = 5000


class SearchTerm(models.Model):
    kind = models.CharField(max_length=10)
    object_id = models.PositiveIntegerField()
    language = models.CharField(max_length=5)
    term = models.CharField(max_length=100)
    weight = models.FloatField()
    fields = models.PositiveSmallIntegerField()  # bits of FIELDS the term was found in

    class Meta:
        indexes = [
            # Covering the search's reads: postings of terms, filtered by kind and language.
            models.Index(
                fields=["term", "kind", "language", "object_id", "weight"],
                name="search_term_postings",
            ),
            # Not led by kind: SQLite would pick it over the postings for a kind filter.
            models.Index(fields=["object_id", "kind"], name="search_term_object"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.language} {self.term}"


def model_of(kind):
    return apps.get_model(KINDS[kind])


def kind_of(model):
    """The kind `model` (a class) is indexed as, or None."""
    label = model._meta.label
    return next((kind for kind, name in KINDS.items() if name == label), None)


def reindex(kind, ids):
    """Bring the rows of these objects up to date: gone, unpublished or changed."""
    ids = list(ids)
    with transaction.atomic():
        _delete(kind, ids)
        objects = model_of(kind).search_index_queryset().filter(pk__in=ids)
        _insert(kind, objects)


def rebuild(kinds=KINDS):
    """The rows of these kinds again (idempotent); the number of objects indexed. The
    whole index is written without its indexes, made again at the end: a million rows
    inserted in term order into a B-tree take minutes, sorted once seconds."""
    everything = set(kinds) == set(KINDS)
    indexed = 0
    with transaction.atomic():
        if everything:
            _delete()
            _set_indexes(drop=True)
        for kind in kinds:
            if not everything:
                _delete(kind)
            indexed += _insert(kind, model_of(kind).search_index_queryset().iterator(500))
        if everything:
            _set_indexes(drop=False)
    return indexed


def _delete(kind=None, ids=None):
    """In SQL: Django's delete() would load every row to send signals nobody needs."""
    rows = SearchTerm.objects.all()
    if kind:
        rows = rows.filter(kind=kind)
    if ids is not None:
        rows = rows.filter(object_id__in=ids)
    sql, params = rows.values("id").query.sql_with_params()
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({sql})", params)  # noqa: S608


def _set_indexes(drop):
    # Statements only: a schema editor's context cannot open inside SQLite's transaction.
    editor = connection.schema_editor()
    with connection.cursor() as cursor:
        for each in SearchTerm._meta.indexes:
            name = connection.ops.quote_name(each.name)
            cursor.execute(
                f"DROP INDEX IF EXISTS {name}" if drop else str(each.create_sql(SearchTerm, editor))
            )


def _insert(kind, objects):
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    sql = (
        f"INSERT INTO {table} (kind, object_id, language, term, weight, fields) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s)"
    )
    rows, count = [], 0
    with connection.cursor() as cursor:
        for item in objects:
            language = item.search_language()
            rows += [
                (kind, item.pk, language, term, weight, bits)
                for term, (weight, bits) in weighted_terms(item.search_parts(), language).items()
            ]
            count += 1
            if len(rows) >= BATCH:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)
    return count


def weighted_terms(parts, language):
    """Term → (weight, field bits) for an object whose text by field is `parts`."""
    scores, bits = defaultdict(float), defaultdict(int)
    for field, text in parts.items():
        bit, weight = FIELDS[field]
        stems = terms(text, language)
        if field == "body":
            # A long body dilutes its words; a short one does not make them weigh more
            # than a title's (a one-line introduction would outrank every title).
            weight /= max(1.0, 1 - B + B * len(stems) / BODY_LENGTH)
        found = Counter(stems)
        if field in PHRASE_FIELDS:
            found.update(bigrams(stems))
        for term, count in found.items():
            scores[term] += weight * count
            bits[term] |= bit
    weighted = {term: (tf * (K1 + 1) / (tf + K1), bits[term]) for term, tf in scores.items()}
    weighted[EVERY_OBJECT] = (0.0, 0)
    return weighted


def country_names(codes, language):
    """The names of these countries in `language` (taxonomy text for the index)."""
    with translation.override(language):
        return [str(countries.name(code)) for code in codes if code]


def stream_text(value):
    """The words of a StreamField's blocks, read from its stored data rather than rendered
    (rendering 10,000 bodies for a rebuild takes minutes)."""
    found = []

    def walk(data):
        if isinstance(data, str):
            found.append(strip_tags(data))
        elif isinstance(data, dict):
            for key, item in data.items():
                if key not in ("type", "id"):
                    walk(item)
        elif isinstance(data, list | tuple):
            for item in data:
                walk(item)

    walk(list(getattr(value, "raw_data", None) or []))
    return " ".join(found)
