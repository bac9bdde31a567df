"""The numbers behind the key figures of the home page and of each region.

Each figure is counted over every language's pages once (a page and its translations are
one organisation, one project, one event), so the English site says what the French site
says. The counts are kept with ``core.cache.remember`` until the next change: publishing,
unpublishing, moving or deleting any page empties them with the page cache, and the year
is part of their name ("events this year" starts again on 1 January).
"""

from django.db.models import Q
from django.utils import timezone

from core.cache import remember
from core.figures import FigureMetric
from core.tree import region_pages
from directory import listings as directory_listings
from news import listings as news_listings


def _within(region):
    """Pages under any language's copy of the region (everything for the whole site)."""
    if region is None:
        return Q()
    within = Q()
    copies = region_pages().filter(translation_key=region.translation_key)
    for path in copies.values_list("path", flat=True):
        within |= Q(path__startswith=path)
    return within


def _compute(region, year):
    within = _within(region)
    counts = {}
    if region is None:
        counts[FigureMetric.REGIONS] = (
            region_pages().live().public().values("translation_key").distinct().count()
        )
    counts[FigureMetric.MEMBER_ORGANISATIONS] = directory_listings.count_member_organisations(
        within
    )
    counts[FigureMetric.PROJECTS] = directory_listings.count_projects(within)
    counts[FigureMetric.EVENTS_THIS_YEAR] = news_listings.count_events_of_year(year, within)
    return {str(metric): count for metric, count in counts.items()}


def figure_counts(region=None):
    """``{metric: number}`` for the whole site, or for one region, in display order."""
    year = timezone.localdate().year
    key = region.translation_key if region is not None else "site"
    return remember(f"figures:{key}:{year}", lambda: _compute(region, year))
