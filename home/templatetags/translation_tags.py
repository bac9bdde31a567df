"""Template tags for the site's languages: switcher, hreflang alternates, untranslated notice.

- ``{% language_links as links %}``: one entry per site language, leading to the same
  page in that language where a real translation exists, else to that language's home.
- ``{% alternate_links %}``: ``<link rel="alternate" hreflang>`` for the real, live
  translations of the page and ``x-default`` (the French version). An untranslated page
  (an alias showing the French content) announces none.
- ``{% content_language page as code %}``: the language the page's content is written in.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from core import i18n
from core.cache import remember
from home.chrome import site_chrome

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _cached(request, name, compute):
    if request is None:
        return compute()
    attr = f"_translation_tags_{name}"
    if not hasattr(request, attr):
        setattr(request, attr, compute())
    return getattr(request, attr)


def _homes(request):
    """The URL of each language's live home page, by language code."""
    return site_chrome(request)["homes"]


def _translations(request, page):
    return _cached(request, f"translations_{page.pk}", lambda: i18n.live_translations(page))


@register.simple_tag(takes_context=True)
def content_language(context, page=None):
    """The language code of what the page shows (the source's, for an untranslated page)."""
    page = page if isinstance(page, Page) else _page(context)
    if page is None:
        return get_language()
    request = context.get("request")
    # Kept until the next change: every page shows it, and only a translation changes it.
    return _cached(
        request,
        f"content_language_{page.pk}",
        lambda: remember(
            f"content-language:{page.pk}", lambda: i18n.source_locale(page).language_code
        ),
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """Where the language switcher leads, for each language of the site."""
    request = context.get("request")
    page = _page(context)
    current = get_language()
    translations = _translations(request, page) if page is not None else {}
    homes = _homes(request)
    match = getattr(request, "resolver_match", None)
    is_page_view = match is None or match.url_name == "wagtail_serve"
    links = []
    for code in i18n.content_language_codes():
        info = get_language_info(code)
        translated = code in translations
        if code == current and page is not None:
            url = page.get_url(request)
            translated = True
        elif translated:
            url = translations[code].get_url(request)
        elif not is_page_view and request is not None:
            # A view of its own (search): the same view in the other language.
            url = translate_url(request.get_full_path(), code)
            translated = True
        elif code in homes:
            url = homes[code]
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "is_current": code == current,
                "is_translation": translated,
            }
        )
    return links


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """hreflang alternates of a page that is really translated, ``x-default`` French."""
    request = context.get("request")
    page = _page(context)
    if page is None or i18n.is_untranslated(page):
        return {"alternates": []}
    translations = _translations(request, page)
    if len(translations) < 2:
        return {"alternates": []}
    alternates = [
        {"hreflang": code, "href": translation.get_full_url(request)}
        for code, translation in sorted(translations.items())
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append({"hreflang": "x-default", "href": default.get_full_url(request)})
    return {"alternates": alternates}


@register.filter
def foreign_language(page):
    """``lang`` for a link whose title is another language's: an untranslated page in the
    English tree is an alias of the French page and shows its French title, which screen
    readers must pronounce in French (``core.i18n.foreign_language``)."""
    return i18n.foreign_language(page)
