"""What other apps' pages list of chantiers and roadmaps: the home page and the regions."""

from django.db.models import BooleanField, ExpressionWrapper

from chantiers.models import (
    NATIONAL_ROADMAP_DEPTH,
    ChantierPage,
    RoadmapPage,
    national_chantier,
    next_milestone,
)
from core.i18n import real_translation_q

__all__ = [
    "national_chantier",
    "national_chantiers",
    "national_roadmaps",
    "next_milestone",
    "region_chantier_pages",
    "region_roadmaps",
]


def national_chantiers(locale):
    """The four national chantier pages of a language, in tree order."""
    return (
        ChantierPage.objects.live()
        .public()
        .national()
        .in_locale(locale)
        .defer_streamfields()
        .order_by("path")
    )


def region_chantier_pages(region):
    """The region's own chantier pages."""
    return (
        ChantierPage.objects.child_of(region)
        .live()
        .public()
        .translated()
        .defer_streamfields()
        .order_by("path")
    )


def region_roadmaps(region):
    """The region's own roadmaps, with their milestones, translated or not.

    Each has ``is_translated``: False for an alias showing another language's roadmap,
    whose milestones (their dates) still count: they are the same in every language.
    """
    return list(
        RoadmapPage.objects.child_of(region)
        .live()
        .public()
        .annotate(is_translated=ExpressionWrapper(real_translation_q(), BooleanField()))
        .defer_streamfields()
        .prefetch_related("milestones")
        .order_by("path")
    )


def national_roadmaps(locale, theme):
    """The national roadmaps of a theme (those under the home page), with their milestones."""
    return (
        RoadmapPage.objects.live()
        .public()
        .in_locale(locale)
        .filter(depth=NATIONAL_ROADMAP_DEPTH, themes=theme)
        .defer_streamfields()
        .prefetch_related("milestones")
    )
