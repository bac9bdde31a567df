"""Whatever is typed or put in the address, search answers without a server error."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, build_query, clean_query
from tests.helpers import parse, result_items, search_url

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"unclosed phrase',
    "'",
    "l'",
    "*",
    "eco*",
    ":",
    "title:coopérative",
    "a:b:c",
    "AND OR NOT",
    "coopérative AND NOT prêt",
    "-économie +sociale",
    "(innovation | sociale) & !prêt",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "%_%",
    "\\",
    "\x00",
    "prêt\x00social",
    "\x1b[31m\x07\x08",
    "\u200b\u202e\ufeff",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "NEAR(a b)",
    "^2 ~ ?",
    "économie " * 2000,
    "x" * 10_000,
]

WORDS = ["économie", "sociale", "coopérative", "l'innovation", "co-construction", "prêt", "Dakar"]
FRAGMENTS = [
    '"',
    "'",
    "*",
    ":",
    "-",
    "+",
    "(",
    ")",
    "&",
    "|",
    "!",
    "<b>",
    "\x00",
    ";",
    "--",
    "\\",
    "%",
]

query_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS + FRAGMENTS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(WORDS + FRAGMENTS), max_size=12).map("".join),
    st.sampled_from(HOSTILE),
)


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_are_answered(client, search_corpus, typed):
    for language in ("fr", "en"):
        response = client.get(search_url(language, q=typed))
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()


def test_a_10_kb_query_is_cut_and_still_searched(client, search_corpus):
    response = client.get(search_url("fr", q="coopératives " + "z" * 10_000))
    assert response.status_code == 200
    shown = parse(response).select_one("#search-page-q")["value"]
    assert len(shown) <= MAX_QUERY_LENGTH
    long_but_findable = client.get(search_url("fr", q="coopératives " * 800))
    assert len(result_items(long_but_findable)) >= 1


def test_repeated_parameters_and_odd_filters_are_answered(client, search_corpus):
    url = search_url("fr") + "?q=a&q=pr%C3%AAt&type=news&type=%00&region=-1&year=0&page=-5&sort=%00"
    assert client.get(url).status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=query_text, page=st.text(max_size=8), kind=st.text(max_size=12), year=st.text(max_size=6))
def test_any_query_and_parameters_give_an_answer(client, search_corpus, q, page, kind, year):
    response = client.get(search_url("fr", q=q, page=page, type=kind, year=year, region=year))
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=query_text)
def test_any_text_gives_suggestions_or_none(client, search_corpus, q):
    with translation.override("en"):
        url = reverse("search_suggestions")
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    assert isinstance(json.loads(response.content)["results"], list)


@settings(max_examples=200, deadline=None)
@given(q=st.text(max_size=20_000))
def test_cleaned_queries_are_short_and_free_of_control_characters(q):
    cleaned = clean_query(q)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert "\x00" not in cleaned
    assert all(c.isprintable() or c == " " for c in cleaned)
    query = build_query(cleaned)
    parts = [] if query is None else getattr(query, "subqueries", [query])
    for part in parts:
        # Only words (with inner apostrophes or hyphens) reach a backend.
        assert re.fullmatch(
            r"[^\W_]+(?:['’\-][^\W_]+)*( [^\W_]+(?:['’\-][^\W_]+)*)*", part.query_string
        )
