"""The real engine (``make search-engine``, at SEARCH_URL): the index as the engine holds it,
its analysers as it applies them, and pages indexed and removed as they are published and
unpublished. The search page, the API, relevance and hostile input run on the engine too
(their fixture ``search_corpus`` has an engine variant)."""

import pytest

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import result_titles, search_url

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.elasticsearch,
    pytest.mark.search_index,
    pytest.mark.parametrize("search_corpus", ["engine"], indirect=True),
]


def page_index(backend):
    return backend.get_index_for_model(NewsPage)


def analyse(backend, analyzer, text):
    index = page_index(backend)
    tokens = backend.es.indices.analyze(index=index.name, body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in tokens["tokens"]]


@pytest.fixture
def engine(search_corpus):
    from search.backends import get_search_backend

    return get_search_backend()


def test_update_index_made_an_index_with_the_project_analysers_and_mapping(engine):
    index = page_index(engine)
    (name,) = engine.es.indices.get_alias(name=index.name)  # an atomic rebuild: an alias
    analysis = engine.es.indices.get_settings(index=name)[name]["settings"]["index"]["analysis"]
    assert {"french_folded", "english_folded", "edgengram_analyzer"} <= set(analysis["analyzer"])
    properties = engine.es.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    assert properties["_all_text_fr"]["analyzer"] == "french_folded"
    assert properties["_all_text_boost_2_0_en"]["analyzer"] == "english_folded"
    assert "_all_text" not in properties


def test_the_engine_folds_accents_splits_elisions_and_stems(engine):
    def french(text):
        return analyse(engine, "french_folded", text)

    assert french("l'Économie") == french("economie")
    assert french("L’innovation") == french("innovation")
    assert french("coopératives") == french("cooperative")
    assert french("co-construction") == french("co construction")
    assert french("le la de et") == []
    english = analyse(engine, "english_folded", "people's meetings")
    assert english == analyse(engine, "english_folded", "people meeting")
    assert analyse(engine, "edgengram_analyzer", "l'économie")[:3] == ["e", "ec", "eco"]


def test_a_published_page_is_found_and_an_unpublished_one_is_not(client, engine, search_corpus):
    page = NewsPageFactory(
        parent=search_corpus.site.news_index,
        title="Tiers-lieux nourriciers",
        intro="Des jardins partagés.",
    )
    assert result_titles(client.get(search_url("fr", q="tiers lieux nourriciers"))) == [
        "Tiers-lieux nourriciers"
    ]
    page.unpublish()
    page_index(engine).refresh()
    assert result_titles(client.get(search_url("fr", q="tiers lieux nourriciers"))) == []
