"""Which language an indexed object is written in, and which language a query is in.

Pages (and every translatable model) are indexed with the analysis of their locale's
language and searched with the active language's. Models without a locale (images,
documents) are indexed and searched with the site's default language.
"""

from django.conf import settings
from wagtail.models import Locale, TranslatableMixin

from search.analysis import active_language, base_language


def default_language():
    return base_language(settings.LANGUAGE_CODE)


def is_translatable(model):
    return issubclass(model, TranslatableMixin)


def object_languages(objs):
    """The base language code of each object, in order (one query for all locales)."""
    objs = list(objs)
    locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
    codes = {}
    if locale_ids:
        codes = {
            pk: base_language(code)
            for pk, code in Locale.objects.filter(pk__in=locale_ids).values_list(
                "pk", "language_code"
            )
        }
    fallback = default_language()
    return [codes.get(getattr(obj, "locale_id", None), fallback) for obj in objs]


def query_language(model):
    """The language a search over ``model`` is analysed in."""
    return active_language() if is_translatable(model) else default_language()
