"""Elasticsearch: the index settings, the mappings, the documents and the queries the
backend builds, checked without a server; and, when ELASTICSEARCH_URL is set, the
same relevance cases as the database backends against a real server."""

import os
import uuid

import pytest
from django.test import override_settings
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from chantiers.models import RoadmapPage
from news.models import NewsPage
from search.backends import get_search_backend
from search.backends.elasticsearch import (
    INDEX_SETTINGS,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
)
from search.query import build_query
from tests.factories import build_search_corpus
from tests.helpers import result_titles, rolled_back, search_url
from tests.test_search_relevance import ENGLISH_CASES, FRENCH_CASES

pytestmark = [pytest.mark.search_index]

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


def offline_backend():
    """A backend object; nothing is sent until a search or an index call is made."""
    return Elasticsearch8SearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "t_"})


def walk(value):
    """Every dict inside ``value`` (a compiled query or a mapping)."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


class TestIndexSettings:
    def test_french_analyser_splits_elisions_folds_accents_and_stems(self):
        analyzers = offline_backend().settings["settings"]["analysis"]["analyzer"]
        french = analyzers["french_folded"]["filter"]
        assert french == [
            "french_elision",
            "lowercase",
            "french_stop",
            "asciifolding",
            "french_stemmer",
        ]
        filters = offline_backend().settings["settings"]["analysis"]["filter"]
        assert {"l", "d", "qu", "jusqu"} <= set(filters["french_elision"]["articles"])
        assert filters["french_stemmer"] == {"type": "stemmer", "language": "french"}

    def test_english_analyser_drops_possessives_folds_accents_and_stems(self):
        analyzers = offline_backend().settings["settings"]["analysis"]["analyzer"]
        assert analyzers["english_folded"]["filter"] == [
            "english_possessive_stemmer",
            "lowercase",
            "english_stop",
            "asciifolding",
            "english_stemmer",
        ]

    def test_wagtail_autocomplete_analysers_are_kept(self):
        analyzers = offline_backend().settings["settings"]["analysis"]["analyzer"]
        assert "edgengram_analyzer" in analyzers
        assert INDEX_SETTINGS["settings"]["analysis"]["analyzer"]["folded"]["filter"] == [
            "lowercase",
            "asciifolding",
        ]

    def test_settings_select_the_project_backends(self):
        from django.conf import settings

        assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.database"
        with override_settings(
            WAGTAILSEARCH_BACKENDS={
                "default": {
                    "BACKEND": "search.backends.elasticsearch",
                    "URLS": ["http://127.0.0.1:9"],
                }
            }
        ):
            assert isinstance(get_search_backend(), Elasticsearch8SearchBackend)


class TestMapping:
    def test_catch_all_fields_exist_once_per_language_with_its_analyser(self):
        properties = Elasticsearch8Mapping(NewsPage).get_mapping()["properties"]
        assert properties["_all_text_fr"] == {"type": "text", "analyzer": "french_folded"}
        assert properties["_all_text_en"] == {"type": "text", "analyzer": "english_folded"}
        assert properties["_all_text_boost_2_0_fr"]["analyzer"] == "french_folded"
        assert properties["_all_text_boost_2_0_en"]["analyzer"] == "english_folded"
        assert "_all_text" not in properties

    def test_fields_are_not_copied_into_a_language_neutral_field(self):
        mapping = Elasticsearch8Mapping(RoadmapPage).get_mapping()
        assert not any("copy_to" in node for node in walk(mapping))

    def test_autocomplete_is_accent_insensitive_on_both_sides(self):
        properties = Elasticsearch8Mapping(NewsPage).get_mapping()["properties"]
        assert properties["_edgengrams"]["search_analyzer"] == "folded"


@pytest.mark.django_db
class TestDocuments:
    def test_a_french_page_fills_only_the_french_fields_title_boosted(self, search_corpus):
        doc = Elasticsearch8Mapping(NewsPage).get_document(search_corpus.fr.cooperatives)
        assert (
            doc["_all_text_boost_2_0_fr"]
            == "Les coopératives bretonnes mesurent leur impact social"
        )
        assert "Douze structures publient" in doc["_all_text_fr"]
        assert "Les coopératives bretonnes" in doc["_all_text_fr"]
        assert not any(key.endswith("_en") for key in doc)

    def test_an_english_page_fills_only_the_english_fields(self, search_corpus):
        doc = Elasticsearch8Mapping(NewsPage).get_document(search_corpus.en.cooperatives)
        assert doc["_all_text_en"].startswith("Cooperatives measure their social impact")
        assert not any(key.endswith("_fr") for key in doc)

    def test_related_text_is_included(self, search_corpus):
        doc = Elasticsearch8Mapping(RoadmapPage).get_document(search_corpus.fr.roadmap)
        assert "Premier rapport" in doc["_all_text_fr"]


@pytest.mark.django_db
class TestCompiledQueries:
    def compile(self, text, locale):
        queryset = Page.objects.live().public().filter(locale=locale)
        results = offline_backend().search(build_query(text), queryset)
        return results.query_compiler.get_query()

    def test_every_word_is_required_in_each_language_field(self, search_corpus):
        query = self.compile("coopératives sociales", search_corpus.site.locale)
        assert query["bool"]["must"] == {
            "multi_match": {
                "query": "coopératives sociales",
                "operator": "and",
                "fields": [
                    "_all_text_fr",
                    "_all_text_boost_2_0_fr^2.0",
                    "_all_text_en",
                    "_all_text_boost_2_0_en^2.0",
                ],
            }
        }

    def test_results_are_filtered_to_live_pages_of_the_locale(self, search_corpus):
        query = self.compile("prêt", search_corpus.site.locale)
        terms = [node["term"] for node in walk(query["bool"]["filter"]) if "term" in node]
        assert {"locale_id_filter": search_corpus.site.locale.pk} in terms
        assert {"live_filter": True} in terms

    def test_quoted_words_become_a_phrase(self, search_corpus):
        query = self.compile('"économie sociale" prêt', search_corpus.site.locale)
        phrases = [node["match_phrase"] for node in walk(query) if "match_phrase" in node]
        assert {"_all_text_fr": "économie sociale"} in phrases

    def test_operators_and_markup_never_reach_elasticsearch(self, search_corpus):
        query = self.compile("title:x AND (*) OR <b>prêt</b> -- ;", search_corpus.site.locale)
        assert query["bool"]["must"]["multi_match"]["query"] == "title x AND OR b prêt b"

    def test_autocomplete_matches_title_prefixes(self, search_corpus):
        queryset = Page.objects.live().filter(locale=search_corpus.site.locale)
        results = offline_backend().autocomplete("écon", queryset, operator="and")
        query = results.query_compiler.get_query()
        assert query["bool"]["must"] == {
            "match": {"_edgengrams": {"query": "écon", "operator": "and"}}
        }


# Integration tests: a real server, only when ELASTICSEARCH_URL is set.
needs_server = pytest.mark.skipif(
    not ES_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against"
)


@pytest.fixture(scope="module")
def es_corpus(django_db_setup, django_db_blocker):
    """The corpus indexed into a throwaway Elasticsearch index."""
    params = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [ES_URL],
        "INDEX_PREFIX": f"test_{uuid.uuid4().hex[:8]}_",
        "TIMEOUT": 20,
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": params}):
        backend = get_search_backend()
        index = backend.get_index_for_model(Page)
        index.put()
        for model in get_indexed_models():
            if backend.get_index_for_model(model).name == index.name:
                index.add_model(model)
        try:
            with rolled_back(django_db_blocker):
                corpus = build_search_corpus()
                index.refresh()
                yield backend, index, corpus
        finally:
            index.delete()


@pytest.mark.parametrize(("typed", "expected"), FRENCH_CASES)
@pytest.mark.django_db
@pytest.mark.elasticsearch
@needs_server
def test_elasticsearch_french_relevance(client, es_corpus, typed, expected):
    assert expected in result_titles(client.get(search_url("fr", q=typed)))[:3]


@pytest.mark.parametrize(("typed", "expected"), ENGLISH_CASES)
@pytest.mark.django_db
@pytest.mark.elasticsearch
@needs_server
def test_elasticsearch_english_relevance(client, es_corpus, typed, expected):
    assert expected in result_titles(client.get(search_url("en", q=typed)))[:3]


@pytest.mark.django_db
@pytest.mark.elasticsearch
@needs_server
def test_elasticsearch_analysers_as_the_server_applies_them(es_corpus):
    backend, index, _corpus = es_corpus

    def analyse(analyzer, text):
        tokens = backend.es.indices.analyze(index=index.name, analyzer=analyzer, text=text)[
            "tokens"
        ]
        return [token["token"] for token in tokens]

    assert analyse("french_folded", "l'Économie") == analyse("french_folded", "economie")
    assert analyse("french_folded", "coopératives") == analyse("french_folded", "cooperative")
    assert analyse("french_folded", "co-construction") == analyse(
        "french_folded", "co construction"
    )
    assert analyse("english_folded", "people's meetings") == analyse(
        "english_folded", "people meeting"
    )
