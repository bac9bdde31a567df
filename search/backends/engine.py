"""The project's analysis on a search engine, shared by Elasticsearch and OpenSearch.

Wagtail's mapping copies every searchable field into ``_all_text`` (and boosted fields
into ``_all_text_boost_<n>``), analysed by the standard analyser. Here each of those
catch-all fields exists once per language (``_all_text_fr``, ``_all_text_boost_2_0_en``),
mapped with that language's analyser (elision, stop words, accent folding, Snowball
stemming, the same steps as ``search.analysis``), and a document fills only the fields
of its locale's language. A query is matched against every language's fields, each
field analysing the query with its own analyser, so a page is always matched with the
analysis of its own language; the search page filters on the active locale.

``INDEX_SETTINGS`` below is the one place the analysers are defined; each engine's backend
(``search.backends.elasticsearch``, ``search.backends.opensearch``) merges it into Wagtail's
index settings and mixes in the classes below.
"""

from django.conf import settings
from django.db import models
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import RelatedFields, SearchField

from search.analysis import base_language

from .languages import is_translatable, object_languages

FRENCH_ELISIONS = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

#: Analysers of each language, and the fallback for languages without one.
LANGUAGE_ANALYZERS = {"fr": "french_folded", "en": "english_folded"}
FALLBACK_ANALYZER = "folded"

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELISIONS,
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "french"},
                "english_possessive_stemmer": {
                    "type": "stemmer",
                    "language": "possessive_english",
                },
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_stemmer": {"type": "stemmer", "language": "porter2"},
            },
            "analyzer": {
                "french_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "french_elision",
                        "lowercase",
                        "french_stop",
                        "asciifolding",
                        "french_stemmer",
                    ],
                },
                "english_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive_stemmer",
                        "lowercase",
                        "english_stop",
                        "asciifolding",
                        "english_stemmer",
                    ],
                },
                "folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                # Autocomplete: the title's word prefixes, elided articles split off
                # ("l'économie" is suggested for "écon"), accents folded on both sides.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "asciifolding", "lowercase", "edgengram"],
                },
                "autocomplete_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding"],
                },
            },
        }
    }
}

ALL_TEXT = "_all_text"


def site_languages():
    """Base codes of the site's languages, in settings order, without duplicates."""
    return list(dict.fromkeys(base_language(code) for code, _name in settings.LANGUAGES))


def analyzer_for(language):
    return LANGUAGE_ANALYZERS.get(language, FALLBACK_ANALYZER)


def language_field(name, language):
    return f"{name}_{language}"


def _text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return str(value)


def searchable_texts(obj, fields):
    """(boost, text, language) of each SearchField of ``obj``, following RelatedFields.

    ``language`` is the language the object says the field is written in, when it is not
    the object's own (``search_field_language(name)``: a publication's document), else None.
    """
    field_language = getattr(obj, "search_field_language", None)
    for field in fields:
        if isinstance(field, SearchField):
            language = field_language(field.field_name) if field_language else None
            yield field.boost, _text(field.get_value(obj)), language
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, (models.Manager, models.QuerySet)):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                yield from searchable_texts(item, field.fields)


class LanguageMappingMixin:
    """A mapping mixin: a catch-all field per language, filled in the page's language."""

    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "autocomplete_folded",
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        _drop_copy_to(properties)
        groups = [name for name in properties if name.startswith(ALL_TEXT)]
        for name in groups:
            del properties[name]
            for language in site_languages():
                properties[language_field(name, language)] = {
                    "type": "text",
                    "analyzer": analyzer_for(language),
                }
        return mapping

    def languages_of(self, obj):
        """The languages whose fields ``obj`` fills (one query per locale and mapping)."""
        if not is_translatable(type(obj)):
            return site_languages()
        cache = self.__dict__.setdefault("_locale_languages", {})
        if obj.locale_id not in cache:
            cache[obj.locale_id] = object_languages([obj])
        return cache[obj.locale_id]

    def get_document(self, obj):
        doc = super().get_document(obj)
        languages = self.languages_of(obj)
        # {field name: {language: [texts]}}; a text goes to its object's languages, and also
        # to the language it is written in when that differs and the site analyses it.
        groups = {}
        site = set(site_languages())
        for boost, text, written_in in searchable_texts(obj, self.model.get_search_fields()):
            if not text:
                continue
            targets = list(languages)
            if written_in in site and written_in not in targets:
                targets.append(written_in)
            names = [ALL_TEXT] + ([self.get_boost_field_name(boost)] if boost else [])
            for name in names:
                for language in targets:
                    groups.setdefault(name, {}).setdefault(language, []).append(text)
        for name, by_language in groups.items():
            for language, texts in by_language.items():
                doc[language_field(name, language)] = "\n".join(texts)
        return doc


def _drop_copy_to(properties):
    for field_mapping in properties.values():
        field_mapping.pop("copy_to", None)
        if field_mapping.get("type") == "nested":
            _drop_copy_to(field_mapping["properties"])


class LanguageFieldsMixin:
    """A query compiler mixin: match every language's catch-all fields."""

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if fields:
            return remapped
        return [
            Field(language_field(field.field_name, language), field.boost)
            for language in site_languages()
            for field in remapped
        ]


#: Seconds that ``update_index``'s requests (index creation, mappings, bulk loads, aliases)
#: may take. A search, and the indexing of one page on publication, wait only the backend's
#: TIMEOUT (SEARCH_TIMEOUT): a slow engine gives a quick 503 and never holds a publish long.
INDEXING_TIMEOUT = 60


class IndexTimeoutsMixin:
    """An index mixin: the backend's ``indexing_es`` (INDEXING_TIMEOUT) for the index's
    administration and bulk loads, its ``es`` (TIMEOUT) for one object added or deleted."""

    def __init__(self, backend, name):
        super().__init__(backend, name)
        self.es = backend.indexing_es

    def add_item(self, item):
        self.es = self.backend.es
        return super().add_item(item)

    def delete_item(self, item):
        self.es = self.backend.es
        return super().delete_item(item)


class KeysResultsMixin:
    """A results mixin: ``pks()``, the matching keys, best first, for the search page."""

    def pks(self):
        """One request to the engine, then one query checking the keys against the
        database (a page the index still holds but that is no longer live is left out).

        Iterating the results would scroll 100 hits at a time past 100 results and build a
        page object for each: six requests and 500 objects for a common word."""
        if self.stop is None:
            return [obj.pk for obj in self]
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": self.stop - self.start,
        }
        hits = self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]
        keys = [hit["fields"]["pk"][0] for hit in hits]
        to_python = self.query_compiler.queryset.model._meta.pk.to_python
        found = set(self.query_compiler.queryset.filter(pk__in=keys).values_list("pk", flat=True))
        return [key for key in map(to_python, keys) if key in found]
