"""What other apps' pages list of the regions: the home page (its map and its figures)."""

from regions.figures import figure_counts
from regions.models import RegionPage

__all__ = ["figure_counts", "regions_of_language"]


def regions_of_language(locale):
    """The regions of a language, by name."""
    return (
        RegionPage.objects.live().public().in_locale(locale).defer_streamfields().order_by("title")
    )
