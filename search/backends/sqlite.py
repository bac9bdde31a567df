"""SQLite (FTS5) search with stemming, accent folding and weighted titles.

SQLite's FTS5 tokeniser neither stems nor drops stop words. This backend stores in the
index the words of each object as ``search.analysis`` normalises them for the object's
language, and normalises every query the same way for the active language, so that
"coopératives", "cooperative" and "Coopérative" meet. Titles weigh more than bodies:
FTS5's bm25() is given a weight per column.
"""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

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
        # A query whose words are all stop words or punctuation matches nothing
        # (FTS5 would reject an empty MATCH).
        if not isinstance(self.query, MatchAll) and not self._has_terms(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)

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


class SQLiteSearchBackend(base.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex


SearchBackend = SQLiteSearchBackend
