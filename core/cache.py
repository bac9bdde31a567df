"""Whole-response cache for anonymous visitors, emptied by every editorial change.

``PageCacheMiddleware`` serves anonymous ``GET`` requests from the default cache (shared by
every process: Redis, or files on the machine); every entry carries the site-wide
generation number that the signal handlers below change on any change pages show, in
whichever process it is made. ``remember`` keeps derived data (the chrome, listing years)
under the same generation. How and why: docs/architecture.md, "The page cache".
"""

import functools
import hashlib
import logging
import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.hooks import LISTING_PAGES_HOOK

logger = logging.getLogger(__name__)

# The Redis cache deletes this key after an outage (FORGET_AFTER_OUTAGE in the settings).
GENERATION_KEY = "pagecache:generation"
KEY_PREFIX = "pagecache:page"
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


# --- the generation number ----------------------------------------------------------


def _new_generation():
    # Random, never counted up: two processes changing it at once (a file cache has no
    # atomic increment) still give a number no entry was stored under, and a lost key
    # (eviction, restart, an outage) never comes back to an old number.
    return secrets.randbits(63)


def current_generation():
    """The generation entries are stored under now; ``None`` only while the cache is
    unreachable (nothing is stored then)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _set_new_generation():
    cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def bump_generation():
    """Make every cached page and ``remember``ed value unreachable (they expire on their own).

    Inside a transaction, once more when it commits: another process may render a page
    between the change and the commit, from the data as it was, under the new number.
    """
    _set_new_generation()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is _set_new_generation for _, callback, _ in connection.run_on_commit
    ):
        transaction.on_commit(_set_new_generation)


def cache_seconds():
    return getattr(settings, "CACHE_MIDDLEWARE_SECONDS", 0)


DATA_KEY_PREFIX = "pagecache:data"


def remember(name, compute):
    """``compute()``, kept in the cache until the next change bumps the generation.

    For data every render needs and only an editorial change alters: the menu and
    footer (home/chrome.py), the years a listing's filter offers. ``name`` must say
    everything the result depends on. ``CHROME_CACHE_SECONDS=0`` computes every time.
    """
    seconds = getattr(settings, "CHROME_CACHE_SECONDS", 0)
    generation = current_generation() if seconds > 0 else None
    if generation is None:
        return compute()
    key = f"{DATA_KEY_PREFIX}:{generation}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


# --- the middleware ------------------------------------------------------------------


def _request_is_cacheable(request):
    return cache_seconds() > 0 and is_anonymous_get(request)


def is_anonymous_get(request):
    """A ``GET`` of the live site by a visitor who is not signed in: what cached pages and
    fragments (``core.fragments``) may answer."""
    if request.method != "GET":
        return False
    # Wagtail's previews run through the middleware with a dummy request.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    if request.path.startswith(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ())):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)


def page_cache_key(request):
    # The middleware runs before LocaleMiddleware: the language is worked out the same way
    # (the URL's prefix, else the cookie or Accept-Language), not read from the thread.
    language = get_language_from_request(request, check_path=True)
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{url}|{language}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{digest}"


class PageCacheMiddleware:
    """Serve anonymous visitors from the whole-response cache; see the module docstring.

    Each URL's entry holds the generation it was rendered under next to the response; the
    entry and the current generation are read in one round trip to the cache, and an
    entry of an older generation is a miss (then overwritten).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            response = self.get_response(request)
            self._mark_private_for_editors(request, response)
            return response

        key = page_cache_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            response = entry[1]
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            self._mark_public(response)
            if generation is not None:  # None: the cache is unreachable
                cache.set(key, (generation, response), cache_seconds())
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _mark_public(response):
        frontend_purge = bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
        patch_cache_control(
            response,
            public=True,
            max_age=getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60),
            # A shared cache that we purge on change may keep pages longer.
            s_maxage=cache_seconds() if frontend_purge else 60,
        )
        # A shared cache must not hand an anonymous page to an editor.
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def _mark_private_for_editors(request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if "public" not in response.get("Cache-Control", ""):
                patch_cache_control(response, private=True, no_cache=True)


# --- what empties the cache ------------------------------------------------------------


def _page_changed(sender, instance=None, **kwargs):
    bump_generation()
    if instance is not None and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_listings_from_frontend_cache(instance)


def _content_changed(sender, instance=None, raw=False, **kwargs):
    if not raw and issubclass(sender, _content_models()):
        bump_generation()


def purge_listings_from_frontend_cache(page):
    """Purge from the CDN the pages that list ``page``: its ancestors, and the pages the
    apps name through ``LISTING_PAGES_HOOK`` (the national chantiers)."""
    # Optional: wagtail.contrib.frontend_cache is installed only when a CDN is configured.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        batch = PurgeBatch()
        batch.add_pages(page.get_ancestors().filter(depth__gt=1))
        for listing_pages in hooks.get_hooks(LISTING_PAGES_HOOK):
            batch.add_pages(listing_pages(page))
        batch.purge()
    except Exception:  # a CDN outage must not stop an editor from publishing
        logger.exception("Could not purge the listings of %s from the frontend cache", page.pk)


@functools.cache
def _content_models():
    """Models whose changes show on pages, apart from pages themselves (worked out once,
    at the first save, when every snippet is registered)."""
    models = {
        get_image_model(),
        get_document_model(),
        Collection,
        Locale,
        PageViewRestriction,
        Site,
        *get_snippet_models(),
    }
    models.update(
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    )
    return tuple(models)


def connect_signal_handlers():
    page_published.connect(_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="pagecache_moved")
    # Deleting a page of any type deletes its wagtailcore_page row.
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="pagecache_deleted")
    # Snippets register after this app is ready: the handler checks the model when called.
    post_save.connect(_content_changed, dispatch_uid="pagecache_content_saved")
    post_delete.connect(_content_changed, dispatch_uid="pagecache_content_deleted")
