"""SQLite (FTS5) search with stemming, accent folding and weighted titles.

SQLite's FTS5 tokeniser neither stems nor drops stop words. This backend stores in the
index the words of each object as ``search.analysis`` normalises them for the object's
language, and normalises every query the same way for the active language, so that
"coopératives", "cooperative" and "Coopérative" meet. Titles weigh more than bodies:
FTS5's bm25() is given a weight per column.

Ranking reads the FTS5 index once: the matching entries of the searched pages, ordered by
bm25(), then the pages themselves. modelsearch's own query asks the index again for each
matching page's score (a correlated subquery), which is quadratic in the matches: a word
found in 2,000 pages took 3 s at 10,000 pages, against a few tens of milliseconds now.
"""

from django.db.models import Case, FloatField, Func, IntegerField, When
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import analyse, tokens

from .languages import object_languages, query_language

# bm25() weights, in the column order of the FTS5 table: autocomplete, body, title.
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0


class WeightedBM25(Func):
    """bm25() of the FTS5 table with a weight per column (lower is better)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = base.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, {BODY_WEIGHT}, {TITLE_WEIGHT})", []


class ObjectIndexer(base.ObjectIndexer):
    """Extracts an object's text, normalised for the object's language."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language

    @property
    def normalised(self):
        return (
            analyse(self.title, self.language),
            # Autocomplete matches word prefixes: folded, not stemmed.
            analyse(self.autocomplete, self.language, stem=False),
            analyse(self.body, self.language),
        )


class SQLiteIndex(base.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        indexers = [
            ObjectIndexer(obj, self.backend, language)
            for obj, language in zip(objs, object_languages(objs), strict=True)
        ]
        data = {indexer.id: indexer.normalised for indexer in indexers}

        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                base.IndexEntry(
                    content_type_id=get_content_type_pk(model),
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class NormalisingCompilerMixin:
    """Normalises the words of a query for the language being searched."""

    STEM = True

    @property
    def language(self):
        return query_language(self.queryset.model)

    def _terms(self, text):
        return tokens(text, self.language, stem=self.STEM)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = self._terms(query.query_string)
            if not terms:
                return None
            last = terms.pop()
            lexemes = Lexeme(last, prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms:
                if query.operator.upper() == "AND":
                    lexemes &= Lexeme(term)
                else:
                    lexemes |= Lexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            terms = self._terms(query.query_string)
            if not terms:
                return None
            return SearchQueryExpression(" ".join(terms))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if score_field is not None:
            if not isinstance(self.query, MatchAll) and not self._has_terms(self.query):
                return self.queryset.none()
            return super().search(config, start, stop, score_field=score_field)
        keys = self.ranked_keys(config, start, stop)
        if keys is None:  # everything, or a negation: modelsearch's own query
            return super().search(config, start, stop)
        if not keys:
            return self.queryset.none()
        rank = Case(
            *[When(pk=key, then=position) for position, key in enumerate(keys)],
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=keys).order_by(rank)

    def ranked_keys(self, config, start, stop):
        """Keys of the searched objects matching the query, best first, the index read once.

        None when the query is not a plain search by relevance (everything, a negation):
        then modelsearch's own query answers.
        """
        # A query whose words are all stop words or punctuation matches nothing
        # (FTS5 would reject an empty MATCH).
        if not isinstance(self.query, MatchAll) and not self._has_terms(self.query):
            return []
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not) or not self.order_by_relevance:
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = (
            base.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=self.queryset.values("pk"),
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )[start:stop]
        to_python = self.queryset.model._meta.pk.to_python
        return [to_python(key) for key in entries]

    def _has_terms(self, query):
        if isinstance(query, (PlainText, Phrase)):
            return bool(self._terms(query.query_string))
        if isinstance(query, Not):
            return self._has_terms(query.subquery)
        subqueries = getattr(query, "subqueries", None)
        if subqueries is not None:
            return all(self._has_terms(q) for q in subqueries if not isinstance(q, MatchAll))
        return True


class SQLiteSearchQueryCompiler(NormalisingCompilerMixin, base.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(
    NormalisingCompilerMixin, base.SQLiteAutocompleteQueryCompiler
):
    STEM = False

    def _build_rank_expression(self, vectors, config):
        return base.BM25()


class SQLiteSearchResults(base.SQLiteSearchResults):
    def pks(self):
        """The matching keys, best first, without building an object for each match."""
        compiler = self.query_compiler
        keys = compiler.ranked_keys(compiler.get_config(self.backend), self.start, self.stop)
        if keys is None:
            return list(self.get_queryset().values_list("pk", flat=True))
        return keys


class SQLiteSearchBackend(base.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    results_class = SQLiteSearchResults
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex


SearchBackend = SQLiteSearchBackend
