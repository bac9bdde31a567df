"""Admin hooks for regional editing: the coordinator's dashboard and the page chooser."""

from django.db.models import Q
from wagtail import hooks
from wagtail.models import GroupPagePermission

from core.hooks import DEMO_HOOK
from regions.admin_views import RegionDashboardPanel
from regions.demo import ensure_demo_coordinators
from regions.permissions import regions_of_user


@hooks.register("construct_homepage_panels")
def add_region_dashboard(request, panels):
    regions = list(regions_of_user(request.user))
    if regions:
        panels.append(RegionDashboardPanel(regions))


@hooks.register("construct_page_chooser_queryset")
def hide_other_sections_drafts(pages, request):
    """Someone whose page permissions stop at a section (a region, the press room) sees
    the site's live pages and their own sections' pages in the chooser, not the drafts
    and unpublished pages of the sections they cannot edit."""
    user = request.user
    if user.is_superuser:
        return pages
    permissions = list(
        GroupPagePermission.objects.filter(group__user=user)
        .values_list("page__path", "page__depth", "permission__codename")
        .distinct()
    )
    if any(depth <= 2 for _, depth, _ in permissions):
        return pages  # permissions on the root or a home page: the whole site is theirs
    visible = Q(live=True)
    for path, _, codename in permissions:
        if codename == "add_page":  # "add" alone: their own pages only
            visible |= Q(path__startswith=path, owner=user)
        else:
            visible |= Q(path__startswith=path)
    return pages.filter(visible)


@hooks.register(DEMO_HOOK)
def add_demo_coordinators(demo):
    """``load_demo_content``: one coordinator per region, without a password."""
    demo.coordinators = ensure_demo_coordinators()
    demo.created.extend(username for username, _, created, _ in demo.coordinators if created)
