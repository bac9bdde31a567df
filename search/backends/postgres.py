"""PostgreSQL full-text search with a text search configuration per language.

The migration ``search/migrations/0001_postgres_text_search_configurations.py`` creates,
for each language, a configuration that folds accents then stems (``french_unaccent``:
unaccent then french_stem; ``english_unaccent``; ...) and ``simple_unaccent`` for
autocomplete. Each object is indexed with the configuration of its locale's language;
a query is analysed with the configuration of the active language.
"""

from collections import defaultdict
from copy import copy

from modelsearch.backends.database.postgres import postgres as base
from modelsearch.query import Phrase, PlainText

from .languages import object_languages, query_language

#: PostgreSQL's Snowball configuration of each language; "<name>_unaccent" is ours.
TEXT_SEARCH_CONFIGS = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ar": "arabic",
}
AUTOCOMPLETE_CONFIG = "simple_unaccent"


def config_for_language(language):
    return f"{TEXT_SEARCH_CONFIGS.get(language, 'simple')}_unaccent"


class PostgresIndex(base.PostgresIndex):
    def add_items(self, model, objs):
        """Index each language's objects with that language's configuration."""
        by_language = defaultdict(list)
        objs = list(objs)
        for obj, language in zip(objs, object_languages(objs), strict=True):
            by_language[language].append(obj)
        for language, group in by_language.items():
            backend = copy(self.backend)
            backend.config = config_for_language(language)
            base.PostgresIndex(backend).add_items(model, group)


class LanguageCompilerMixin:
    def get_config(self, backend):
        return config_for_language(query_language(self.queryset.model))

    def build_tsquery_content(self, query, config=None, invert=False):
        # PostgreSQL rejects NUL characters in text: drop them whatever the caller sent.
        if isinstance(query, (PlainText, Phrase)) and "\x00" in query.query_string:
            query = copy(query)
            query.query_string = query.query_string.replace("\x00", "")
        return super().build_tsquery_content(query, config=config, invert=invert)


class PostgresSearchQueryCompiler(LanguageCompilerMixin, base.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteQueryCompiler(
    LanguageCompilerMixin, base.PostgresAutocompleteQueryCompiler
):
    def get_config(self, backend):
        return AUTOCOMPLETE_CONFIG


class PostgresSearchResults(base.PostgresSearchResults):
    def pks(self):
        """The matching keys, best first, without building a page object for each match."""
        return list(self.get_queryset().values_list("pk", flat=True))


class PostgresSearchBackend(base.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    results_class = PostgresSearchResults
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = AUTOCOMPLETE_CONFIG


SearchBackend = PostgresSearchBackend
