"""Demo accounts: one coordinator per region, with no password committed anywhere.

``load_demo_content`` calls ``ensure_demo_coordinators()``: it provisions the national
groups and every region's group (``sync_all``), then makes sure that a user
``coord-<region slug>`` exists in each region's group. New accounts get an unusable
password; set one with ``add_coordinator ... --password-stdin`` or ``changepassword``.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from regions.models import RegionPage
from regions.permissions import find_region_group, region_copies, sync_all

DEMO_EMAIL_DOMAIN = "example.org"


def demo_coordinator_username(region):
    return f"coord-{region.slug}"[:150]


def ensure_demo_coordinators():
    """(username, group name, created, has a password) for each region of the default locale."""
    User = get_user_model()
    sync_all()
    accounts = []
    regions = RegionPage.objects.filter(locale=Locale.get_default()).order_by("title")
    for region in regions:
        group = find_region_group(region_copies(region))
        username = demo_coordinator_username(region)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@{DEMO_EMAIL_DOMAIN}"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        accounts.append((username, group.name, created, user.has_usable_password()))
    return accounts
