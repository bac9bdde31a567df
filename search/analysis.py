"""Language analysis shared by the search backends, the excerpts and the highlighting.

One pipeline per language, the same for indexed text and for queries, so that what a
person types meets what the page says: lowercase, accents folded ("économie" and
"economie" meet), words split on apostrophes and hyphens ("l'innovation" gives
"innovation", "co-construction" gives "co" and "construction"), stop words dropped
(including the French elided articles), then Snowball stemming ("coopératives" and
"coopérative" meet).

PostgreSQL and Elasticsearch run their own analysers (see ``search/migrations`` and
``search/backends/elasticsearch.py``); this module is what SQLite uses, and what every
backend uses to highlight the words of a query in an excerpt.
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer
from django.conf import settings
from django.utils.translation import get_language

# Snowball algorithm of each language the site may be configured with.
STEMMERS = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ar": "arabic",
}

# The Snowball stop word lists PostgreSQL ships (tsearch_data/*.stop), plus the elided
# forms French writes before a vowel ("jusqu'à", "lorsqu'il").
_FRENCH_STOP_WORDS = """
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes
moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton
tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante étants étantes
suis es est sommes êtes sont serai seras sera serons serez seront serais serait serions
seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons
soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu eue
eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions
auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons
ayez aient eusse eusses eût eussions eussiez eussent jusqu lorsqu puisqu quoiqu
"""
_ENGLISH_STOP_WORDS = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against between
into through during before after above below to from up down in out on off over under again
further then once here there when where why how all any both each few more most other some
such no nor not only own same so than too very s t can will just don should now
"""

# Letters that Unicode decomposition does not fold ("cœur" is typed "coeur").
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
    }
)

# A word: letters and digits. Apostrophes, hyphens and everything else separate words.
WORD_RE = re.compile(r"[^\W_]+")

MAX_WORD_LENGTH = 60


def fold(text):
    """Lowercase ``text`` and strip its accents: "Économie" gives "economie"."""
    text = text.translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


STOP_WORDS = {
    "fr": frozenset(fold(w) for w in _FRENCH_STOP_WORDS.split()),
    "en": frozenset(fold(w) for w in _ENGLISH_STOP_WORDS.split()),
}

_local = threading.local()


def _stemmer(language):
    """A Snowball stemmer for ``language`` (one per thread: they keep state), or None."""
    algorithm = STEMMERS.get(language)
    if algorithm is None:
        return None
    cache = _local.__dict__.setdefault("stemmers", {})
    if algorithm not in cache:
        cache[algorithm] = snowballstemmer.stemmer(algorithm)
    return cache[algorithm]


def base_language(language_code):
    """ "fr-ca" and "fr_CA" give "fr"; None gives the site's default language."""
    code = (language_code or settings.LANGUAGE_CODE).lower().replace("_", "-")
    return code.split("-")[0]


def active_language():
    return base_language(get_language())


@functools.lru_cache(maxsize=65_536)
def normalise_word(word, language, stem=True):
    """The form under which ``word`` is indexed and searched, or "" for a stop word.

    Kept for the words seen last: a page's words repeat, and stemming is the costly part
    of indexing and highlighting."""
    word = fold(word)[:MAX_WORD_LENGTH]
    if not word or word in STOP_WORDS.get(language, ()):
        return ""
    stemmer = _stemmer(language) if stem else None
    return stemmer.stemWord(word) if stemmer else word


def tokens(text, language, stem=True):
    """The normalised words of ``text`` in ``language``, stop words left out."""
    language = base_language(language)
    result = []
    for match in WORD_RE.finditer(text or ""):
        normalised = normalise_word(match.group(), language, stem=stem)
        if normalised:
            result.append(normalised)
    return result


def analyse(text, language, stem=True):
    """``text`` as one string of normalised words, as SQLite indexes and queries it."""
    return " ".join(tokens(text, language, stem=stem))
