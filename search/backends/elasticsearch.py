"""Elasticsearch 8 with the project's per-language analysis (``search.backends.engine``)."""

from copy import deepcopy

from modelsearch.backends import elasticsearch8 as base
from modelsearch.utils import deep_update

from .engine import (
    INDEX_SETTINGS,
    INDEXING_TIMEOUT,
    IndexTimeoutsMixin,
    KeysResultsMixin,
    LanguageFieldsMixin,
    LanguageMappingMixin,
)


class Elasticsearch8Mapping(LanguageMappingMixin, base.Elasticsearch8Mapping):
    pass


class Elasticsearch8Index(IndexTimeoutsMixin, base.Elasticsearch8Index):
    pass


class Elasticsearch8SearchResults(KeysResultsMixin, base.Elasticsearch8SearchResults):
    pass


class Elasticsearch8SearchQueryCompiler(
    LanguageFieldsMixin, base.Elasticsearch8SearchQueryCompiler
):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8AutocompleteQueryCompiler(base.Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8SearchBackend(base.Elasticsearch8SearchBackend):
    mapping_class = Elasticsearch8Mapping
    index_class = Elasticsearch8Index
    results_class = Elasticsearch8SearchResults
    query_compiler_class = Elasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = Elasticsearch8AutocompleteQueryCompiler
    settings = deep_update(deepcopy(base.Elasticsearch8SearchBackend.settings), INDEX_SETTINGS)

    def __init__(self, params):
        super().__init__(params)
        self.indexing_es = self.es.options(request_timeout=INDEXING_TIMEOUT)


SearchBackend = Elasticsearch8SearchBackend
