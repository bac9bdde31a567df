"""OpenSearch 2 with the project's per-language analysis (``search.backends.engine``).

The engine ``make search-engine`` starts for the tests, and the one compose.yaml runs.
"""

from copy import deepcopy

from modelsearch.backends import opensearch2 as base
from modelsearch.utils import deep_update

from .engine import (
    INDEX_SETTINGS,
    INDEXING_TIMEOUT,
    IndexTimeoutsMixin,
    LanguageFieldsMixin,
    LanguageMappingMixin,
)


class OpenSearch2Mapping(LanguageMappingMixin, base.OpenSearch2Mapping):
    pass


class OpenSearch2Index(IndexTimeoutsMixin, base.OpenSearch2Index):
    pass


class OpenSearch2SearchQueryCompiler(LanguageFieldsMixin, base.OpenSearch2SearchQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2AutocompleteQueryCompiler(base.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2SearchBackend(base.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    index_class = OpenSearch2Index
    query_compiler_class = OpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch2AutocompleteQueryCompiler
    settings = deep_update(deepcopy(base.OpenSearch2SearchBackend.settings), INDEX_SETTINGS)

    def __init__(self, params):
        options = dict(params.get("OPTIONS", {}))
        super().__init__(params)
        options["timeout"] = INDEXING_TIMEOUT
        self.indexing_es = self.client_class(hosts=self.hosts, **options)


SearchBackend = OpenSearch2SearchBackend
