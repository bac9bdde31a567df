"""Head metadata: one tag, used once in base.html."""

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
