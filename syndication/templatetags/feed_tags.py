"""The feeds and calendars of a page: ``<link rel="alternate">`` in the head, links for readers."""

from django import template
from wagtail.models import Page

from syndication.discovery import feeds_for_page

register = template.Library()


def _feeds(context):
    request = context.get("request")
    cached = getattr(request, "_page_feeds", None)
    if cached is None:
        page = context.get("page")
        cached = feeds_for_page(page if isinstance(page, Page) else None)
        if request is not None:
            request._page_feeds = cached
    return cached


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """``<link rel="alternate">`` for each feed and calendar of the page."""
    return {"feeds": _feeds(context)}


@register.inclusion_tag("includes/feed_subscribe.html", takes_context=True)
def feed_subscribe(context):
    """The same feeds as visible links, for readers, and the e-mail sign-up of the page."""
    page = context.get("page")
    return {"feeds": _feeds(context), "page": page if isinstance(page, Page) else None}
