"""Wagtail's SQLite FTS5 search backend, with relevance ordering that scales.

Upstream gap (modelsearch 1.x, `SQLiteSearchQueryCompiler.search`): ordering by
relevance annotates every candidate row with a correlated subquery that runs the FTS
MATCH again, so a word found in a few thousand pages takes tens of seconds (28 s for
2,000 matches among 10,000 practices, measured with bench/library.py). Here the FTS
table is read once, ranked by bm25, and the candidates are ordered by that rank.
Matching itself is unchanged; only the ordering is computed differently.
"""

from django.db.models import CharField, Func, IntegerField, Value
from django.db.models.functions import Cast, Concat
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

RANKED_LIMIT = 2000


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if (
            not self.order_by_relevance
            or score_field is not None
            or isinstance(query, (MatchAll, Not))
        ):
            return super().search(config, start, stop, score_field)
        ranking = self.ranking(query, config)
        # Position of ",<pk>," in ",<pk1>,<pk2>,...,": one SQL parameter however many
        # matches, where a CASE with one branch per match costs ~0.1 ms each to compile.
        listed = "," + ",".join(map(str, ranking)) + ","
        position = Func(
            Value(listed),
            Concat(Value(","), Cast("pk", CharField()), Value(",")),
            function="instr",
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=ranking).order_by(position, "-pk")[start:stop]

    def ranking(self, query, config):
        """Primary keys of the best matches, best first, from one pass over the FTS table
        (matches beyond RANKED_LIMIT, the least relevant, are left out)."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score")
            .values_list("index_entry__object_id", flat=True)[:RANKED_LIMIT]
        )
        pk_field = self.queryset.model._meta.pk
        return [pk_field.to_python(object_id) for object_id in entries]


class SearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
