"""From what a person typed to the ranked pages of the active language.

``clean_query`` makes any input safe (control characters, NUL, 10 kB pastes);
``build_query`` turns it into a Wagtail search query that every backend accepts: words
only (operators, ``*``, ``:``, markup and SQL punctuation are dropped), quoted parts as
phrases, all words required. ``ranked_page_ids`` asks the backend for the matching live
pages of a locale, best first. Promotions and hits use Wagtail's search promotions.
"""

import re
import unicodedata

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText
from wagtail.search.utils import normalise_query_string

from search.backends import get_search_backend, run

#: Longer input is cut: nobody types more, and it bounds the work of a search.
MAX_QUERY_LENGTH = 200
#: Matches considered for facets and sorting; more are not ranked usefully anyway.
MAX_RESULTS = 500
#: Words of a query passed to the backend.
MAX_WORDS = 16

# A word, with its inner apostrophes and hyphens ("l'innovation", "co-construction"),
# which each backend's analysis splits in its own language's way.
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_PHRASE_RE = re.compile(r'"([^"]*)"')


def clean_query(raw):
    """``raw`` without control or format characters, spaces collapsed, cut to size."""
    if not isinstance(raw, str):
        return ""
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else c
        for c in raw[: MAX_QUERY_LENGTH * 4]
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        # Cut at a space rather than in the middle of a word, when there is one.
        cut = text[: MAX_QUERY_LENGTH + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    return text.strip()


def words(text):
    return _WORD_RE.findall(text)


def build_query(text):
    """A search query for ``text``, or None when it holds no word at all."""
    parts = []
    budget = MAX_WORDS
    outside = _PHRASE_RE.sub(" ", text)
    for phrase in _PHRASE_RE.findall(text):
        phrase_words = words(phrase)[:budget]
        budget -= len(phrase_words)
        if len(phrase_words) > 1:
            parts.append(Phrase(" ".join(phrase_words)))
        elif phrase_words:
            parts.append(PlainText(phrase_words[0], operator="and"))
    plain = words(outside.replace('"', " "))[: max(budget, 0)]
    if plain:
        parts.append(PlainText(" ".join(plain), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def searchable_pages(locale):
    """What the public search covers: live, public pages of one locale."""
    return Page.objects.live().public().filter(locale=locale)


def ranked_page_ids(text, locale, limit=MAX_RESULTS):
    """Primary keys of the pages matching ``text`` in ``locale``, best first.

    Raises ``search.backends.SearchUnavailable`` when the search service is down.
    """
    query = build_query(text)
    if query is None:
        return []
    backend = get_search_backend()
    # Only the keys: a page object for each of up to 500 matches is work for nothing.
    results = backend.search(query, searchable_pages(locale).only("pk"))[:limit]
    if hasattr(results, "pks"):  # the project's backends: the keys from one ranked query
        return run(results.pks)
    return run(lambda: [page.pk for page in results])


def suggestions(text, locale, limit=8):
    """Pages whose title starts with the words typed so far (autocomplete)."""
    typed = " ".join(words(text)[:MAX_WORDS])
    if len(typed) < 2:
        return []
    backend = get_search_backend()
    results = backend.autocomplete(typed, searchable_pages(locale), operator="and")[:limit]
    return run(list, results)


def promotions(text, locale):
    """The national team's promoted results for ``text``: external links and pages of
    ``locale``, in the order the team set."""
    if not text:
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
    picks = picks.select_related("page").order_by("sort_order")
    return [
        pick
        for pick in picks
        if (pick.page is None and pick.external_link_url)
        or (pick.page is not None and pick.page.live and pick.page.locale_id == locale.pk)
    ]


def record_hit(text):
    """Count the query in the "Search terms" report (and keep it for promotions)."""
    if text:
        Query.get(text).add_hit()
