"""Each page has the workflows the site means: Wagtail's default "Moderators approval"
(an empty "Moderators" group) no longer covers the regional pages."""

import pytest
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from regions.permissions import DEFAULT_WORKFLOW_NAME, sync_all

pytestmark = [pytest.mark.region_provisioning]


def test_regional_pages_publish_directly_and_national_ones_go_through_the_national_team(
    client, world
):
    assert not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists()
    assert not Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME, active=True).exists()
    for lang in ("fr", "en"):
        assert world.pages[lang]["news_a"].get_workflow() is None
        assert world.pages[lang]["news_index"].get_workflow().name == "Publication nationale"

    client.force_login(world.users["coord_a"])
    edit = client.get(f"/admin/pages/{world.pages['fr']['news_a'].pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert DEFAULT_WORKFLOW_NAME not in html
    assert 'name="action-publish"' in html  # the coordinator publishes their region's page
    assert sync_all() == []  # a second repair changes nothing


def test_a_default_workflow_the_national_team_changed_stays(world):
    workflow = Workflow.objects.get(name=DEFAULT_WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.create(page=Page.get_first_root_node(), workflow=workflow)
    review = GroupApprovalTask.objects.create(name="Relecture")
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=1)
    sync_all()
    assert WorkflowPage.objects.filter(page=Page.get_first_root_node(), workflow=workflow).exists()
