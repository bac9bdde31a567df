"""The site's chrome: home page links, main menu and footer links, shared by every page.

``site_chrome`` works them out once per language as plain data and keeps them with
``core.cache.remember`` until the next change (docs/architecture.md, "The page cache").
"""

from django.utils.translation import get_language
from wagtail.models import Locale, Site

from core import i18n
from core.cache import remember
from directory import listings as directory_listings
from home.models import ContactPage, HomePage, StandardPage


def _link(page, request):
    """What a link to ``page`` needs; ``lang`` names the language of an alias's title."""
    return {
        "title": page.title,
        "url": page.get_url(request),
        "path": page.path,
        "lang": i18n.foreign_language(page),
    }


def _compute(request, language):
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
        "join": None,
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
    join = directory_listings.join_page(home)
    chrome["join"] = _link(join, request) if join else None
    return chrome


def site_chrome(request):
    """The chrome of the active language: ``homes`` (each language's home URL), ``home``,
    ``menu``, ``footer``, ``contact`` and ``join`` (the "Join" link of the header)."""
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
