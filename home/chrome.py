"""The site's chrome: home page links, main menu and footer links, shared by every page.

Every page of a language shows the same header and footer. Working them out takes half a
dozen queries (the home pages, the menu items, the footer pages, the contact page, and
the view restrictions behind ``public()``), the same on every request. ``site_chrome``
works them out once per language as plain data (titles, URLs, tree paths, languages)
and keeps that in the default cache under the page cache's generation number
(``home.cache.remember``): publishing, unpublishing, moving or deleting a page, or
changing a snippet, image or setting, bumps the generation, so the next request
recomputes it and an editor's change shows at once.

This is not the whole-response cache: it also serves logged-in editors and renders with
``CACHE_MIDDLEWARE_SECONDS=0``. It is switched off by ``CHROME_CACHE_SECONDS=0``, and,
like the page cache, needs ``REDIS_URL`` to be shared by several worker processes (the
``home.W001`` check). Previews compute it afresh rather than read the cache.
"""

from django.utils.translation import get_language
from wagtail.models import Locale, Site

from home import i18n
from home.cache import remember


def _link(page, request):
    """What a link to ``page`` needs; ``lang`` names the language of an alias's title."""
    return {
        "title": page.title,
        "url": page.get_url(request),
        "path": page.path,
        "lang": i18n.foreign_language(page),
    }


def _compute(request, language):
    from home.models import ContactPage, HomePage, StandardPage

    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.live().select_related("locale").order_by("path")
    }
    home = homes.get(language) or homes.get(Locale.get_default().language_code)
    if home is None and homes:
        home = next(iter(homes.values()))
    chrome = {
        "homes": {code: page.get_url(request) for code, page in homes.items()},
        "home": {"url": home.get_url(request)} if home else None,
        "menu": [],
        "footer": [],
        "contact": None,
    }
    if home is None:
        return chrome
    children = home.get_children().live().public().select_related("alias_of__locale")
    chrome["menu"] = [_link(page, request) for page in children.in_menu()]
    footer = (
        StandardPage.objects.child_of(home)
        .live()
        .public()
        .filter(show_in_footer=True)
        .select_related("alias_of__locale")
    )
    chrome["footer"] = [_link(page, request) for page in footer]
    contact = (
        ContactPage.objects.child_of(home)
        .live()
        .public()
        .select_related("alias_of__locale")
        .first()
    )
    chrome["contact"] = _link(contact, request) if contact else None
    return chrome


def site_chrome(request):
    """The chrome of the active language: ``homes`` (each language's home URL), ``home``,
    ``menu``, ``footer`` and ``contact``."""
    language = get_language()
    memo = getattr(request, "_site_chrome", None) if request is not None else None
    if memo is not None and memo[0] == language:
        return memo[1]
    if request is None or getattr(request, "is_preview", False):
        chrome = _compute(request, language)
    else:
        site = Site.find_for_request(request)
        name = f"chrome:{site.pk if site else 0}:{request.get_host()}:{language}"
        chrome = remember(name, lambda: _compute(request, language))
    if request is not None:
        request._site_chrome = (language, chrome)
    return chrome
