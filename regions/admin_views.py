"""The admin as a regional coordinator sees it: where they land, what their dashboard shows.

Plain Wagtail admin views and components; the hooks that plug them in are in
``wagtail_hooks.py``, the login view is routed in ``config/urls.py``.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import LoginView
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from core.hooks import REGION_DASHBOARD_HOOK
from news.models import NewsIndexPage
from regions.permissions import regions_of_user

DASHBOARD_LIMIT = 10


def landing_region(user):
    """The copy of the user's region in the admin's current language, else the first."""
    regions = list(regions_of_user(user))
    if not regions:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    return next(
        (r for r in regions if r.locale.language_code == language.split("-")[0]), regions[0]
    )


class CoordinatorLoginView(LoginView):
    """Wagtail's login, landing a regional coordinator on their region in the explorer."""

    def get_success_url(self):
        url = self.get_redirect_url()
        if url and url != reverse("wagtailadmin_home"):
            return url
        region = landing_region(self.request.user)
        if region is not None:
            return reverse("wagtailadmin_explore", args=[region.pk])
        return url or reverse("wagtailadmin_home")


def _in_any(paths, prefix=""):
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def _workflow_states_on(pages):
    page_type = ContentType.objects.get_for_model(Page)
    return WorkflowState.objects.filter(base_content_type=page_type).filter(
        Exists(pages.filter(id=Cast(OuterRef("object_id"), output_field=IntegerField())))
    )


class RegionDashboardPanel(Component):
    """A coordinator's region: its drafts, what awaits moderation, its recent changes,
    and the outcome of their proposals for national publication."""

    name = "region_dashboard"
    template_name = "regions/admin/region_dashboard_panel.html"
    order = 50

    def __init__(self, regions):
        self.regions = regions

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        paths = [region.path for region in self.regions]
        in_region = _in_any(paths)
        drafts = (
            Page.objects.filter(in_region, has_unpublished_changes=True)
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:DASHBOARD_LIMIT]
        )
        awaiting = (
            _workflow_states_on(Page.objects.filter(in_region))
            .active()
            .select_related("current_task_state__task", "requested_by")
            .prefetch_related("content_object")
            .order_by("-created_at")[:DASHBOARD_LIMIT]
        )
        recent = (
            PageLogEntry.objects.filter(_in_any(paths, prefix="page__"))
            .select_related("user", "page", "page__locale")
            .order_by("-timestamp")[:DASHBOARD_LIMIT]
        )
        national = _in_any([index.path for index in NewsIndexPage.objects.all()])
        proposals = (
            _workflow_states_on(Page.objects.filter(national))
            .filter(requested_by=request.user)
            .annotate(
                last_comment=Subquery(
                    TaskState.objects.filter(workflow_state=OuterRef("pk"))
                    .order_by("-started_at", "-pk")
                    .values("comment")[:1]
                )
            )
            .prefetch_related("content_object")
            .order_by("-created_at")[:DASHBOARD_LIMIT]
        )
        sections = [
            section(request, self.regions) for section in hooks.get_hooks(REGION_DASHBOARD_HOOK)
        ]
        return {
            "regions": self.regions,
            "region": self.regions[0],
            "sections": [section for section in sections if section is not None],
            "drafts": drafts,
            "awaiting": [state for state in awaiting if state.content_object],
            "recent": recent,
            "proposals": [state for state in proposals if state.content_object],
            "request": request,
        }
