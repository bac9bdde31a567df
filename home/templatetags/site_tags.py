"""Template tags for what every page shows: navigation, footer, breadcrumbs.

The menu and footer come from ``home.chrome`` (computed once per language and change).
"""

from django import template
from wagtail.models import Page

from home.chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the active language (else the default one's): its ``url``."""
    return site_chrome(context.get("request"))["home"]


@register.simple_tag(takes_context=True)
def join_link(context):
    """The join page of the active language (``url``, ``title``, ``lang``), or None."""
    return site_chrome(context.get("request"))["join"]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    current = context.get("page")
    return {
        "items": site_chrome(context.get("request"))["menu"],
        "current_path": getattr(current, "path", ""),
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    chrome = site_chrome(context.get("request"))
    return {
        "home": chrome["home"],
        "menu": chrome["menu"],
        "pages": chrome["footer"],
        "contact_page": chrome["contact"],
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    # Titles and URLs only: plain pages, one query whatever the depth.
    ancestors = page.get_ancestors().filter(depth__gte=2).select_related("alias_of__locale")
    return {"ancestors": ancestors, "page": page, "request": request}
