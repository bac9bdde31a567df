"""What other apps' pages list of the directory: the home page's and the regions' figures,
a region's organisations and projects, the directory and project bank of a language."""

from django.db.models import Q

from core.tree import attach_regions
from directory.choices import Membership
from directory.models import JoinPage, OrganisationPage, ProjectPage
from directory.sections import sections

__all__ = [
    "count_member_organisations",
    "count_projects",
    "join_page",
    "latest_projects",
    "region_organisations",
    "region_projects",
    "sections",
]


def _distinct(qs, within):
    """How many pages, counted once whatever the number of their languages."""
    qs = qs.live().public().filter(within or Q())
    return qs.values("translation_key").distinct().count()


def count_member_organisations(within=None):
    return _distinct(OrganisationPage.objects.filter(membership=Membership.MEMBER), within)


def count_projects(within=None):
    return _distinct(ProjectPage.objects.all(), within)


def region_organisations(region, limit):
    """Some of a region's organisations (members first), and how many it has."""
    qs = OrganisationPage.objects.published(region.locale).in_region(region)
    items = list(qs.cards().order_by("membership", "title")[:limit])
    for item in items:
        item.__dict__["region"] = region
    return items, qs.count()


def region_projects(region, limit):
    """A region's projects, open ones first."""
    items = list(
        ProjectPage.objects.published(region.locale)
        .in_region(region)
        .cards()
        .by_relevance_to_partners()[:limit]
    )
    for item in items:
        item.__dict__["region"] = region
    return items


def latest_projects(locale, limit):
    return attach_regions(
        ProjectPage.objects.published(locale).cards().by_relevance_to_partners()[:limit]
    )


def join_page(home):
    """The join page under a home page, for the header's "Join" link."""
    return (
        JoinPage.objects.child_of(home).live().public().select_related("alias_of__locale").first()
    )
