"""Relevance: what people type finds the page they mean, in the first three results.

French and English, with plurals, missing accents, elisions and hyphens, through the
search page of each language and whatever backend the settings select (SQLite or
PostgreSQL here; the search engine when SEARCH_URL is set).
"""

import pytest

from search.analysis import analyse, tokens
from tests.helpers import result_titles, search_url

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

FRENCH_CASES = [
    # (what is typed, title of the page expected in the top 3)
    ("coopératives", "Les coopératives bretonnes mesurent leur impact social"),
    ("cooperative", "Les coopératives bretonnes mesurent leur impact social"),
    ("economie sociale", "Sensibilisation des étudiants à l'économie sociale"),
    ("ÉCONOMIE", "Sensibilisation des étudiants à l'économie sociale"),
    ("l'innovation", "Rencontres nationales thématiques sur l'innovation sociale"),
    ("innovations sociales", "Rencontres nationales thématiques sur l'innovation sociale"),
    ("rencontre nationale", "Rencontres nationales thématiques sur l'innovation sociale"),
    ("evaluation utilite sociale", "Atelier d'évaluation de l'utilité sociale"),
    ("d'évaluation", "Atelier d'évaluation de l'utilité sociale"),
    ("co-construction", "Co-construction des politiques locales avec la CRESS"),
    ("co construction", "Co-construction des politiques locales avec la CRESS"),
    (
        "entrepreneuriat social Togo",
        "Un centre de ressources pour l'entrepreneuriat social au Togo",
    ),
    ("ressource", "Un centre de ressources pour l'entrepreneuriat social au Togo"),
    ("pret 100", "Lancement du prêt de 100 M€ pour l'entrepreneuriat social"),
    ("prêts", "Lancement du prêt de 100 M€ pour l'entrepreneuriat social"),
    ("dakar", "Atelier à Dakar sur les outils coopératifs de l'OIT"),
    ("outil cooperatif", "Atelier à Dakar sur les outils coopératifs de l'OIT"),
    ("banque de projet", "Banque de projets et financement participatif"),
    ("financements participatifs", "Banque de projets et financement participatif"),
    ("mesurer l'impact", "Feuille de route de l'Occitanie : mesurer l'impact"),
    ("etudiant", "Sensibilisation des étudiants à l'économie sociale"),
    ("langue de la preuve", "Une langue de la preuve"),
    ("pratiques environnementales", "Une langue de la preuve"),
    ("Bretagne", "Bretagne"),
]

ENGLISH_CASES = [
    ("cooperative", "Cooperatives measure their social impact"),
    ("measuring impact", "Cooperatives measure their social impact"),
    ("innovations", "Social innovation meetings across the regions"),
    ("meeting", "Social innovation meetings across the regions"),
    ("loans", "A 100 million euro loan for social entrepreneurship"),
    ("entrepreneur training", "Training social entrepreneurs"),
    ("people", "The people's economy: co-operation between social entrepreneurs"),
    ("co-operation", "The people's economy: co-operation between social entrepreneurs"),
    ("ILO tools", "Workshop on ILO cooperative tools in Dakar"),
    ("workshops Dakar", "Workshop on ILO cooperative tools in Dakar"),
]


@pytest.mark.parametrize(("typed", "expected"), FRENCH_CASES)
def test_french_query_finds_the_page_in_the_top_three(client, search_corpus, typed, expected):
    response = client.get(search_url("fr", q=typed))
    assert response.status_code == 200
    assert expected in result_titles(response)[:3], result_titles(response)


@pytest.mark.parametrize(("typed", "expected"), ENGLISH_CASES)
def test_english_query_finds_the_page_in_the_top_three(client, search_corpus, typed, expected):
    response = client.get(search_url("en", q=typed))
    assert response.status_code == 200
    assert expected in result_titles(response)[:3], result_titles(response)


def test_there_are_at_least_25_relevance_cases():
    assert len(FRENCH_CASES) + len(ENGLISH_CASES) >= 25


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(client, search_corpus):
    titles = result_titles(client.get(search_url("fr", q="ferme")))
    assert titles.index("Une ferme coopérative") < titles.index("Reportage dans le Tarn")


def test_every_word_typed_is_required(client, search_corpus):
    titles = result_titles(client.get(search_url("fr", q="coopératives Togo")))
    assert titles == []


def test_a_quoted_phrase_keeps_its_words_together(client, search_corpus):
    titles = result_titles(client.get(search_url("fr", q='"utilité sociale"')))
    assert titles == ["Atelier d'évaluation de l'utilité sociale"]


class TestAnalysis:
    """The normalisation SQLite indexes with and every backend highlights with."""

    def test_accents_case_and_plurals_meet(self):
        assert analyse("Coopératives", "fr") == analyse("cooperative", "fr")
        assert analyse("ÉCONOMIE", "fr") == analyse("economie", "fr")

    def test_elisions_and_hyphens_split_words(self):
        assert tokens("l'innovation", "fr") == tokens("innovation", "fr")
        assert tokens("d’évaluation", "fr") == tokens("évaluation", "fr")
        assert tokens("co-construction", "fr") == tokens("co construction", "fr")

    def test_stop_words_are_left_out(self):
        assert tokens("le la de et", "fr") == []
        assert tokens("the and of", "en") == []

    def test_each_language_stems_its_own_way(self):
        assert tokens("meetings", "en") == tokens("meeting", "en")
        assert tokens("nationales", "fr") == tokens("national", "fr")
        assert tokens("ligatures œuvre", "fr") == tokens("ligature oeuvre", "fr")
