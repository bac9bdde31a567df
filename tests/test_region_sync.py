"""A region's group and collection come with it, follow its renames, and can be repaired."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils.translation import gettext
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from regions.models import RegionPage
from tests.factories import translate

pytestmark = [pytest.mark.region_provisioning]


def permission_state():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "collections": sorted(Collection.objects.values_list("name", "depth")),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


def nothing_changed():
    from regions.management.commands.sync_region_permissions import NOTHING_CHANGED

    return gettext(NOTHING_CHANGED)


def run_sync():
    out = StringIO()
    call_command("sync_region_permissions", stdout=out)
    return out.getvalue()


def test_creating_a_region_provisions_its_group_and_collection(site_tree):
    region = site_tree.region_index.add_child(
        instance=RegionPage(title="Picardie", slug="picardie", theme="cooperation")
    )
    group = Group.objects.get(name="Coordination Picardie")
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=region).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page"}
    collection = Collection.objects.get(name="Picardie")
    assert collection.get_parent().name == "Régions"
    assert set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    ) == {
        "add_image", "change_image", "choose_image",
        "add_document", "change_document", "choose_document",
    }  # fmt: skip
    assert group.permissions.filter(codename="access_admin").exists()
    assert not group.permissions.filter(codename="submit_translation").exists()


def test_renaming_a_region_renames_its_group_and_collection(site_tree, django_user_model):
    coordinator = django_user_model.objects.create_user("anne")
    coordinator.groups.add(Group.objects.get(name="Coordination Bretagne"))
    english = translate(site_tree.region_a, "en", slug="brittany")
    group = Group.objects.get(name="Coordination Bretagne")
    assert GroupPagePermission.objects.filter(group=group, page=english).count() == 4

    region = RegionPage.objects.get(pk=site_tree.region_a.pk)
    region.title = "Bretagne Sud"
    region.save_revision().publish()

    group.refresh_from_db()
    assert group.name == "Coordination Bretagne Sud"
    assert not Group.objects.filter(name="Coordination Bretagne").exists()
    assert Collection.objects.filter(name="Bretagne Sud").exists()
    assert not Collection.objects.filter(name="Bretagne").exists()
    assert coordinator.groups.filter(pk=group.pk).exists()
    # The English copy's title does not name the group: the French (default) one does.
    english.title = "South Brittany"
    english.save_revision().publish()
    group.refresh_from_db()
    assert group.name == "Coordination Bretagne Sud"
    assert nothing_changed() in run_sync()


def test_sync_repairs_what_was_lost_then_changes_nothing(site_tree):
    expected = permission_state()
    # Regions that existed before permissions were provisioned: nothing of it left.
    Group.objects.filter(name__startswith="Coordination").delete()
    Group.objects.filter(name__in=["Presse", "Équipe nationale"]).delete()
    Collection.objects.filter(name__in=["Bretagne", "Occitanie"]).delete()
    WorkflowPage.objects.filter(page=site_tree.news_index).delete()
    assert permission_state() != expected

    first = run_sync()
    assert "Coordination Bretagne" in first and nothing_changed() not in first
    repaired = permission_state()
    assert repaired == expected

    second = run_sync()
    assert nothing_changed() in second
    assert permission_state() == repaired


def test_demo_coordinators_one_per_region_without_password(site_tree, django_user_model):
    from regions.demo import ensure_demo_coordinators

    accounts = ensure_demo_coordinators()
    assert [(name, group) for name, group, _, _ in accounts] == [
        ("coord-bretagne", "Coordination Bretagne"),
        ("coord-occitanie", "Coordination Occitanie"),
    ]
    for username, group, _, has_password in accounts:
        assert not has_password
        user = django_user_model.objects.get(username=username)
        assert not user.has_usable_password()
        assert user.groups.filter(name=group).exists()
    assert all(not created for _, _, created, _ in ensure_demo_coordinators())
    assert django_user_model.objects.count() == 2
