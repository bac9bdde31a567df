"""The engines' backends (OpenSearch, Elasticsearch): the index settings, the mappings, the
documents and the queries they build, checked without a server, and SEARCH_URL's reading.
tests/test_search_engine.py checks the same against the real engine."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail.models import Page

from chantiers.models import RoadmapPage
from news.models import NewsPage
from search.backends import get_search_backend
from search.backends.elasticsearch import (
    INDEX_SETTINGS,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
)
from search.backends.opensearch import OpenSearch2SearchBackend
from search.query import build_query

# Pages saved by a test are indexed (into the engine, when the corpus runs on it).
pytestmark = pytest.mark.search_index

SETTINGS = Path(__file__).resolve().parent.parent / "config" / "settings" / "base.py"


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
        assert properties["_edgengrams"]["search_analyzer"] == "autocomplete_folded"
        analyzers = offline_backend().settings["settings"]["analysis"]["analyzer"]
        assert analyzers["edgengram_analyzer"]["filter"][:2] == ["french_elision", "asciifolding"]


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


class TestOpenSearch:
    def test_both_engines_get_the_same_analysis_and_mapping(self):
        opensearch = OpenSearch2SearchBackend({"URLS": ["http://127.0.0.1:9"]})
        assert (
            opensearch.settings["settings"]["analysis"]
            == offline_backend().settings["settings"]["analysis"]
        )
        mapping = opensearch.mapping_class(NewsPage).get_mapping()
        assert mapping == Elasticsearch8Mapping(NewsPage).get_mapping()

    @pytest.mark.parametrize(
        "backend_class", [OpenSearch2SearchBackend, Elasticsearch8SearchBackend]
    )
    def test_update_index_waits_longer_than_a_search_or_a_publish(self, backend_class):
        backend = backend_class({"URLS": ["http://127.0.0.1:9"], "TIMEOUT": 3})
        index = backend.get_index_for_model(NewsPage)
        assert index.es is backend.indexing_es  # creation, mappings, bulk loads

        def timeout(client):
            if backend_class is OpenSearch2SearchBackend:
                return client.transport.kwargs["timeout"]
            return client._request_timeout

        assert timeout(backend.es) == 3
        assert timeout(backend.indexing_es) == 60


def search_settings(monkeypatch, **environment):
    """WAGTAILSEARCH_BACKENDS as config/settings/base.py reads it from ``environment``."""
    for name in ("SEARCH_URL", "SEARCH_ENGINE", "SEARCH_INDEX_PREFIX", "SEARCH_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))["WAGTAILSEARCH_BACKENDS"]["default"]


class TestSearchUrl:
    def test_no_url_is_the_database(self, monkeypatch):
        assert search_settings(monkeypatch) == {"BACKEND": "search.backends.database"}

    @pytest.mark.parametrize(
        ("url", "engine", "backend", "address"),
        [
            ("opensearch://127.0.0.1:9200", "", "opensearch", "http://127.0.0.1:9200"),
            ("elasticsearch://search:9200", "", "elasticsearch", "http://search:9200"),
            (
                "opensearch+https://user:secret@cluster.example.org",
                "",
                "opensearch",
                "https://user:secret@cluster.example.org",
            ),
            ("https://es.example.org", "elasticsearch", "elasticsearch", "https://es.example.org"),
            ("http://127.0.0.1:9200", "", "opensearch", "http://127.0.0.1:9200"),
        ],
    )
    def test_the_scheme_or_search_engine_picks_the_backend(
        self, monkeypatch, url, engine, backend, address
    ):
        environment = {"SEARCH_URL": url, "SEARCH_TIMEOUT": "2.5"}
        if engine:
            environment["SEARCH_ENGINE"] = engine
        params = search_settings(monkeypatch, **environment)
        assert params["BACKEND"] == f"search.backends.{backend}"
        assert params["URLS"] == [address]
        assert params["TIMEOUT"] == 2.5
        assert params["INDEX_PREFIX"] == "ess_"

    @pytest.mark.parametrize("url", ["solr://x:8983", "opensearch+ftp://x", "whoosh://x"])
    def test_an_unknown_scheme_is_refused_without_showing_the_url(self, monkeypatch, url):
        with pytest.raises(ImproperlyConfigured) as error:
            search_settings(monkeypatch, SEARCH_URL=url.replace("://", "://user:pw@"))
        assert "pw" not in str(error.value)
