"""Excerpts of a result with the words of the query highlighted.

A word is highlighted when it has the same normalised form as a word of the query
(``search.analysis``): "Coopératives" is marked for the query "cooperative". Every
piece of text is escaped, then the matches are wrapped in ``<mark>``: page content and
query alike can hold markup, none of it reaches the page unescaped.
"""

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField

from search.analysis import WORD_RE, normalise_word, tokens

EXCERPT_WORDS = 36
WORDS_BEFORE_MATCH = 8


def page_text(page):
    """The text a page is searched on, title aside, in its fields' order."""
    texts = [page.search_description or ""]
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(page)
            if isinstance(value, (list, tuple)):
                value = " ".join(str(item) for item in value)
            texts.append(strip_tags(str(value or "")))
    return " ".join(" ".join(texts).split())


def query_forms(query_text, language):
    return frozenset(tokens(query_text, language))


def highlight(text, forms, language, max_words=None):
    """``text`` escaped, with the words whose normalised form is in ``forms`` marked.

    With ``max_words``, only a window of that many words around the first match is
    kept (the beginning of the text when nothing matches), with ellipses.
    """
    matches = list(WORD_RE.finditer(text))
    start_word, end_word = 0, len(matches)
    if max_words and len(matches) > max_words:
        first = next(
            (i for i, m in enumerate(matches) if normalise_word(m.group(), language) in forms),
            0,
        )
        start_word = max(0, first - WORDS_BEFORE_MATCH)
        end_word = min(len(matches), start_word + max_words)
    if not matches:
        return mark_safe(escape(text))
    begin = matches[start_word].start() if start_word else 0
    end = matches[end_word - 1].end() if end_word < len(matches) else len(text)
    pieces = ["…" if begin else ""]
    cursor = begin
    for match in matches[start_word:end_word]:
        if forms and normalise_word(match.group(), language) in forms:
            pieces.append(escape(text[cursor : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))


def excerpt(page, forms, language):
    return highlight(page_text(page), forms, language, max_words=EXCERPT_WORDS)
