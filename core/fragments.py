"""Parts of a page kept rendered until the next change: ``{% fragment %}`` and ``once``.

A listing page spends its time reading and rendering other pages' cards; the cards only
change with an editorial change, which bumps the site's generation (``core.cache``). A
``{% fragment "name" vary... %}`` block is rendered once per generation, language,
scheme and host, day and ``vary`` values, for anonymous ``GET`` requests, and read back
from the cache after that. ``once(compute)`` puts a listing in a page's context without
reading it: the template calls it when a missed fragment renders, so that a hit reads no
listing at all.
Why and how: docs/architecture.md, "The page cache".
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from core.cache import current_generation, is_anonymous_get

KEY_PREFIX = "fragment"


def once(compute):
    """``compute`` as a template variable: called on first use (templates call what is
    callable), then the same value; never called if no rendered part uses it."""
    return functools.cache(compute)


def lazy_items(compute, names):
    """``compute()``'s ``names`` (a dict's keys) as template variables that read it once,
    on first use."""
    compute = once(compute)
    return {name: (lambda name=name: compute()[name]) for name in names}


def fragment_seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def fragment_key(request, name, vary):
    """The key of fragment ``name`` for this request, or ``None`` when it must render.

    Besides ``vary``: the language, the scheme and host (absolute links), the day (what
    is upcoming moves with it; entries live ``FRAGMENT_CACHE_SECONDS`` at most) and the
    generation.
    """
    if request is None or fragment_seconds() <= 0 or not is_anonymous_get(request):
        return None
    # Read once per request, not once per fragment (a page has half a dozen).
    if not hasattr(request, "_fragment_generation"):
        request._fragment_generation = current_generation()
    generation = request._fragment_generation
    if generation is None:  # the cache is unreachable: render
        return None
    parts = [
        name,
        translation.get_language() or "",
        f"{request.scheme}://{request.get_host()}",
        timezone.localdate().isoformat(),
        *(str(value) for value in vary),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


def cached_render(request, name, vary, render):
    """``render()`` (HTML), or what it gave for the same key in this generation."""
    key = fragment_key(request, name, vary)
    if key is None:
        return render()
    html = cache.get(key)
    if html is not None:
        return html
    csrf_before = request.META.get("CSRF_COOKIE_USED")
    html = render()
    # A form's CSRF token belongs to one visitor: such a part is never kept.
    if request.META.get("CSRF_COOKIE_USED") == csrf_before and "csrfmiddlewaretoken" not in html:
        cache.set(key, html, fragment_seconds())
    return html
