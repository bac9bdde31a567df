"""Small helpers that keep every listing of the site at a fixed number of queries.

A listing page runs the same queries whether it lists 3 items or 3,000, and whether the
site has 50 pages or 100,000:

- listings are paginated (``news.listings``: one ``COUNT`` and one slice);
- ``attach_regions`` resolves the region of every page of a list in one query. A page's
  region is its tree position (the ancestor at ``RegionPage.TREE_DEPTH``), so the region
  of each page is the ``RegionPage`` whose path is the first ``TREE_DEPTH * steplen``
  characters of the page's own path: one ``path IN (...)`` query for the whole list
  instead of one ancestor query per card.
"""

from wagtail.models import Page


def attach_regions(pages):
    """Evaluate ``pages`` and set each page's ``region`` with one query; return the list.

    National pages get ``None``; a region page is its own region. Pages whose ``region``
    was already worked out keep it.
    """
    from regions.models import RegionPage

    pages = list(pages)
    depth = RegionPage.TREE_DEPTH
    prefix_length = depth * Page.steplen
    wanted = {
        page.path[:prefix_length]
        for page in pages
        if page.depth > depth and "region" not in page.__dict__
    }
    regions = {}
    if wanted:
        regions = {
            region.path: region
            for region in RegionPage.objects.filter(path__in=wanted)
            .defer_streamfields()
            .select_related("locale")
        }
    for page in pages:
        if "region" in page.__dict__:
            continue
        if page.depth > depth:
            page.__dict__["region"] = regions.get(page.path[:prefix_length])
        elif page.depth == depth and isinstance(page, RegionPage):
            page.__dict__["region"] = page
        else:
            page.__dict__["region"] = None
    return pages
