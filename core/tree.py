"""Where a page sits in the tree: its region, for one page or a whole list in one query.

A page's region is its ancestor at ``REGION_DEPTH`` (root > home > region index > region),
so the region of each page of a list is the region page whose path is the first
``REGION_DEPTH * steplen`` characters of the page's own: one ``path IN (...)`` query for a
list instead of one ancestor query per card. The region model is reached by name
(``apps.get_model``): this layer imports no app.
"""

from django.apps import apps
from wagtail.models import Page

REGION_PAGE_MODEL = "regions.RegionPage"
REGION_DEPTH = 4


def region_page_model():
    return apps.get_model(REGION_PAGE_MODEL)


def region_pages():
    """Every region page (every language): a ``LocalizedPageQuerySet``."""
    return region_page_model().objects.all()


def region_of(page):
    """The region ``page`` sits in (itself for a region page), or None for a national page."""
    region_model = region_page_model()
    if page.depth <= REGION_DEPTH:
        specific = page.specific
        return specific if isinstance(specific, region_model) else None
    return region_model.objects.filter(path=page.path[: REGION_DEPTH * page.steplen]).first()


def attach_regions(pages):
    """Evaluate ``pages`` and set each page's ``region`` with one query; return the list.

    National pages get ``None``; a region page is its own region. Pages whose ``region``
    was already worked out keep it.
    """
    region_model = region_page_model()
    pages = list(pages)
    prefix_length = REGION_DEPTH * Page.steplen
    wanted = {
        page.path[:prefix_length]
        for page in pages
        if page.depth > REGION_DEPTH and "region" not in page.__dict__
    }
    regions = {}
    if wanted:
        regions = {
            region.path: region
            for region in region_model.objects.filter(path__in=wanted)
            .defer_streamfields()
            .select_related("locale")
        }
    for page in pages:
        if "region" in page.__dict__:
            continue
        if page.depth > REGION_DEPTH:
            page.__dict__["region"] = regions.get(page.path[:prefix_length])
        elif page.depth == REGION_DEPTH and isinstance(page, region_model):
            page.__dict__["region"] = page
        else:
            page.__dict__["region"] = None
    return pages
