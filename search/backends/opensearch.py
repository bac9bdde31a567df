"""OpenSearch 2 with the project's per-language analysis (``search.backends.engine``).

The engine ``make search-engine`` starts for the tests, and the one compose.yaml runs.
"""

from copy import deepcopy
from functools import cached_property

from modelsearch.backends import opensearch2 as base
from modelsearch.utils import deep_update

from .engine import (
    INDEX_SETTINGS,
    INDEXING_TIMEOUT,
    IndexTimeoutsMixin,
    KeysResultsMixin,
    LanguageFieldsMixin,
    LanguageMappingMixin,
)


class OpenSearch2Mapping(LanguageMappingMixin, base.OpenSearch2Mapping):
    pass


class OpenSearch2Index(IndexTimeoutsMixin, base.OpenSearch2Index):
    pass


class OpenSearch2SearchResults(KeysResultsMixin, base.OpenSearch2SearchResults):
    pass


class OpenSearch2SearchQueryCompiler(LanguageFieldsMixin, base.OpenSearch2SearchQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2AutocompleteQueryCompiler(base.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2SearchBackend(base.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    index_class = OpenSearch2Index
    results_class = OpenSearch2SearchResults
    query_compiler_class = OpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch2AutocompleteQueryCompiler
    settings = deep_update(deepcopy(base.OpenSearch2SearchBackend.settings), INDEX_SETTINGS)

    def __init__(self, params):
        self._options = dict(params.get("OPTIONS", {}))
        super().__init__(params)

    @cached_property
    def indexing_es(self):
        """A client for update_index's requests (a search never makes one)."""
        return self.client_class(hosts=self.hosts, **{**self._options, "timeout": INDEXING_TIMEOUT})


SearchBackend = OpenSearch2SearchBackend
