"""Routing a URL to its page in two queries, whatever its depth, by its ``url_path``.

Used by the home page instead of Wagtail's level-by-level walk, unless a page type routes
its own sub-paths (docs/architecture.md, "Routing").
"""

import functools

from django.http import Http404
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult


@functools.cache
def walk_is_needed(root_model):
    """True when a page type other than ``root_model`` (the home page, which calls this)
    routes its own sub-paths: then only the walk is right."""
    return any(
        model.route is not Page.route for model in get_page_models() if model is not root_model
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
