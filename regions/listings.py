"""What other apps' pages list of the regions: the home page."""

from regions.models import RegionPage


def regions_of_language(locale):
    """The regions of a language, by name."""
    return (
        RegionPage.objects.live().public().in_locale(locale).defer_streamfields().order_by("title")
    )
