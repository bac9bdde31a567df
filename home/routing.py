"""Routing a URL to its page in two queries, whatever its depth.

Wagtail's ``Page.route`` walks the tree one level at a time: for ``/fr/régions/bretagne/
actu/`` it fetches each child by slug and then its specific page, two queries per level,
eight for an article. No page type of this site changes routing (none overrides
``route``, none is a ``RoutablePageMixin``), so the page a URL leads to is simply the
page whose ``url_path`` is the home page's plus the URL's path, which Wagtail keeps up to
date on every slug change and move. ``route_by_url_path`` fetches it in one query (and
its specific row in a second), with the same outcome as the walk: the page when it is
live, a 404 otherwise. Should a page type ever override ``route``, ``walk_is_needed``
says so and the home page falls back on Wagtail's own walk.
"""

import functools

from django.http import Http404
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult


@functools.cache
def walk_is_needed():
    """True when a page type routes its own sub-paths (then only the walk is right)."""
    from home.models import HomePage

    return any(
        model.route is not Page.route for model in get_page_models() if model is not HomePage
    )


def route_by_url_path(root, path_components):
    """The live page at ``path_components`` below ``root``, or ``Http404``."""
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    page = (
        Page.objects.filter(
            url_path=url_path,
            path__startswith=root.path,
            depth=root.depth + len(path_components),
        )
        .specific()
        .first()
    )
    if page is None or not page.live:
        raise Http404
    return RouteResult(page)
