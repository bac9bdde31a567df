"""Admin hooks: the Subscriptions menu (subscribers, send log, preview links), the counts on
coordinators' region panels, the national groups' permissions, a page-header button for
embargoed press releases, and the demo step."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from core.hooks import DEMO_HOOK, NATIONAL_PERMISSIONS_HOOK, REGION_DASHBOARD_HOOK
from subscriptions import embargo
from subscriptions.admin_views import RegionSubscribersPanel, SubscriptionsViewSetGroup
from subscriptions.demo import add_demo_subscriptions


@hooks.register("register_admin_viewset")
def register_subscriptions():
    return SubscriptionsViewSetGroup()


@hooks.register(REGION_DASHBOARD_HOOK)
def region_subscribers(request, regions):
    return RegionSubscribersPanel(regions)


@hooks.register(NATIONAL_PERMISSIONS_HOOK)
def national_permissions():
    links = [
        "subscriptions.add_previewlink",
        "subscriptions.change_previewlink",
        "subscriptions.view_previewlink",
    ]
    return {
        # The national team sees the addresses, erases one on request, reads the send log.
        "national": [
            "subscriptions.view_subscriber",
            "subscriptions.delete_subscriber",
            "subscriptions.view_message",
            *links,
        ],
        "press": links,
    }


@hooks.register("register_page_header_buttons")
def preview_link_button(page, user, view_name, next_url=None):
    if getattr(page.specific_class, "is_press_release", None) is None:
        return
    specific = page.specific
    if embargo.may_link(user, specific):
        url = reverse("previewlinks:add") + f"?page={page.pk}"
        yield Button(_("Embargo preview link"), url, icon_name="view", priority=90)


hooks.register(DEMO_HOOK, add_demo_subscriptions)
