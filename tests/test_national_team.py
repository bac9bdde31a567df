"""The national team edits promoted search results and reads the popular searches."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from regions.permissions import sync_national

pytestmark = [pytest.mark.django_db, pytest.mark.region_provisioning]


@pytest.fixture
def national_editor(site_tree, django_user_model):
    sync_national()
    user = django_user_model.objects.create_user("nationale", "n@example.org", "x-Pass-2026!")
    user.groups.add(Group.objects.get(name="Équipe nationale"))
    return user


@pytest.fixture
def coordinator(site_tree, django_user_model):
    from regions.permissions import sync_region

    sync_region(site_tree.region_a)
    user = django_user_model.objects.create_user("coord", "c@example.org", "x-Pass-2026!")
    user.groups.add(Group.objects.get(name="Coordination Bretagne"))
    return user


def test_national_team_manages_promotions_and_reads_popular_searches(client, national_editor):
    client.force_login(national_editor)
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
    assert client.get(reverse("search_popular")).status_code == 200


def test_a_coordinator_sees_neither(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code in (302, 403)
    assert client.get(reverse("search_popular")).status_code in (302, 403)
