"""The "Popular searches" report: the queries people make, with their counts.

Wagtail's "Search terms" report is for superusers only; this one is open to whoever
may edit promoted results (the national team), who need it to choose promotions.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PROMOTION_PERMISSIONS = (
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
)


def can_see_popular_searches(user):
    return user.is_active and any(user.has_perm(perm) for perm in PROMOTION_PERMISSIONS)


class PopularSearchesView(SearchTermsReportView):
    page_title = _("Popular searches")
    index_url_name = "search_popular"
    index_results_url_name = "search_popular_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_popular_searches(request.user):
            return permission_denied(request)
        # Skip the superuser-only check of Wagtail's report.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)
