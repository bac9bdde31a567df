"""Head metadata and feed announcements: one tag each, used once in base.html."""

from django import template
from wagtail.models import Page

from home.seo import page_metadata as build_page_metadata

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("includes/metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:  # A page rendered without a request (a bare error page).
        return {"meta": None}
    return {"meta": build_page_metadata(_page(context), request), "request": request}


def _feeds(context):
    request = context.get("request")
    cached = getattr(request, "_page_feeds", None)
    if cached is None:
        from news.feeds import feeds_for_page

        cached = feeds_for_page(_page(context))
        if request is not None:
            request._page_feeds = cached
    return cached


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """``<link rel="alternate">`` for each feed and calendar of the page."""
    return {"feeds": _feeds(context)}


@register.inclusion_tag("includes/feed_subscribe.html", takes_context=True)
def feed_subscribe(context):
    """The same feeds as visible links, for readers."""
    return {"feeds": _feeds(context)}
