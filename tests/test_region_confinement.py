"""A coordinator stays in their region in every admin view, not only in the edit view.

Wagtail's security advisories have concerned preview, history, revisions, copy and the
choosers: each is tried here by the coordinator of Bretagne on Occitanie's pages and
media, and each must be refused without changing anything.
"""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from tests.helpers import PASSWORD, is_refusal, news_form, snapshot

pytestmark = [pytest.mark.region_provisioning, pytest.mark.search_index]


def refused(response):
    """A refusal, possibly after redirects (the revisions index redirects to the history)."""
    if getattr(response, "redirect_chain", None):
        final = response.redirect_chain[-1][0]
        return (
            response.status_code in (403, 404)
            or final == "/admin/"
            or final.startswith("/admin/login/")
        )
    return is_refusal(response)


def test_coordinator_is_refused_everywhere_in_another_region(client, world):
    client.force_login(world.users["coord_a"])
    p = world.pages["fr"]
    news_b, region_b, region_a = p["news_b"], p["region_b"], p["region_a"]
    revision = news_b.latest_revision
    image, document = world.image_b, world.document_b
    requests = [
        ("get", f"/admin/pages/{news_b.pk}/edit/preview/", None),
        ("post", f"/admin/pages/{news_b.pk}/edit/preview/", news_form("Aperçu", news_b.slug)),
        ("get", f"/admin/pages/{news_b.pk}/view_draft/", None),
        ("get", f"/admin/pages/{news_b.pk}/history/", None),
        ("get", f"/admin/pages/{news_b.pk}/revisions/", None),
        ("get", f"/admin/pages/{news_b.pk}/revisions/{revision.pk}/view/", None),
        ("get", f"/admin/pages/{news_b.pk}/revisions/compare/earliest...latest/", None),
        ("post", f"/admin/pages/{news_b.pk}/revisions/{revision.pk}/revert/", None),
        ("get", f"/admin/pages/{news_b.pk}/workflow_history/", None),
        ("get", f"/admin/pages/{news_b.pk}/copy/", None),
        (
            "post",
            f"/admin/pages/{news_b.pk}/copy/",
            {"new_title": "Copie", "new_slug": "copie", "new_parent_page": region_a.pk},
        ),
        ("post", f"/admin/pages/{news_b.pk}/unpublish/", None),
        ("get", f"/admin/pages/{news_b.pk}/move/", None),
        ("post", f"/admin/pages/{news_b.pk}/move/{region_a.pk}/confirm/", None),
        ("post", f"/admin/pages/{news_b.pk}/lock/", None),
        ("post", f"/admin/pages/{news_b.pk}/set_privacy/", {"restriction_type": "login"}),
        ("post", f"/admin/pages/{news_b.pk}/delete/", None),
        ("post", f"/admin/pages/{news_b.pk}/edit/", news_form("Piraté", news_b.slug)),
        ("get", f"/admin/pages/{region_b.pk}/add_subpage/", None),
        ("get", f"/admin/pages/{news_b.pk}/usage/", None),
        ("get", reverse("wagtailimages:edit", args=[image.pk]), None),
        (
            "post",
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": "Piratée", "collection": world.collections["a"].pk, "tags": ""},
        ),
        ("post", reverse("wagtailimages:delete", args=[image.pk]), None),
        ("get", reverse("wagtailimages:image_usage", args=[image.pk]), None),
        ("get", reverse("wagtaildocs:edit", args=[document.pk]), None),
        (
            "post",
            reverse("wagtaildocs:edit", args=[document.pk]),
            {"title": "Piraté", "collection": world.collections["a"].pk, "tags": ""},
        ),
        ("post", reverse("wagtaildocs:delete", args=[document.pk]), None),
        ("get", reverse("wagtaildocs:document_usage", args=[document.pk]), None),
        ("get", reverse("wagtaildocs_chooser:chosen", args=[document.pk]), None),
        # Bulk actions go through the same permission tester.
        ("post", f"/admin/bulk/wagtailcore/page/delete/?id={news_b.pk}", {}),
        ("post", f"/admin/bulk/wagtailcore/page/unpublish/?id={news_b.pk}", {}),
    ]
    failures = []
    before = snapshot()
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {}, follow=True)
        if not refused(response):
            failures.append(
                f"{method.upper()} {url}: {response.status_code} {response.redirect_chain}"
            )
        if snapshot() != before:
            failures.append(f"{method.upper()} {url} changed the database")
            before = snapshot()
    assert not failures, "\n".join(failures)
    news_b.refresh_from_db()
    assert news_b.live and news_b.title == "Actu Occitanie fr"


def test_coordinator_cannot_delete_move_or_unpublish_their_region_page(client, world):
    region_a = world.pages["fr"]["region_a"]
    client.force_login(world.users["coord_a"])
    before = snapshot()
    for url in (
        f"/admin/pages/{region_a.pk}/delete/",
        f"/admin/pages/{region_a.pk}/unpublish/",
        f"/admin/pages/{region_a.pk}/move/{world.pages['fr']['region_index'].pk}/confirm/",
        f"/admin/bulk/wagtailcore/page/delete/?id={region_a.pk}",
    ):
        assert refused(client.post(url, {}, follow=True)), url
    # The bulk move lists the pages it may not move and moves nothing.
    client.post(
        f"/admin/bulk/wagtailcore/page/move/?id={region_a.pk}",
        {"chooser": world.pages["fr"]["region_index"].pk},
    )
    assert snapshot() == before
    # They still edit and publish it, and its edit view offers no delete or unpublish.
    edit = client.get(f"/admin/pages/{region_a.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/pages/{region_a.pk}/delete/".encode() not in edit.content
    assert f"/admin/pages/{region_a.pk}/unpublish/".encode() not in edit.content
    # The national team's does.
    client.force_login(world.users["national"])
    edit = client.get(f"/admin/pages/{region_a.pk}/edit/")
    assert f"/admin/pages/{region_a.pk}/delete/".encode() in edit.content


def test_choosers_and_explorer_do_not_show_another_regions_drafts(client, world):
    p = world.pages["fr"]
    secret = b"Brouillon secret Occitanie fr"
    urls = [
        f"/admin/choose-page/{p['region_b'].pk}/",
        "/admin/choose-page/search/?q=Brouillon",
        f"/admin/pages/{p['region_b'].pk}/",
        "/admin/pages/search/?q=Brouillon",
        "/admin/pages/usage/news/newspage/",
    ]
    client.force_login(world.users["national"])
    for url in urls[:2]:
        assert secret in client.get(url).content, url  # the test can see a leak
    client.force_login(world.users["coord_a"])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert secret not in response.content, url
    browse = client.get(f"/admin/choose-page/{p['region_b'].pk}/")
    assert b"Actu Occitanie fr" in browse.content  # live pages stay linkable
    images = client.get(reverse("wagtailimages_chooser:choose"))
    assert b"Photo Bretagne" in images.content
    assert b"Photo Occitanie" not in images.content
    filtered = client.get(
        reverse("wagtailimages_chooser:choose") + f"?collection_id={world.collections['b'].pk}"
    )
    assert b"Photo Occitanie" not in filtered.content


def test_translation_submission_is_for_the_national_team(client, world):
    """wagtail-localize's submit_translation is global: coordinators do not hold it."""
    region_a = world.pages["fr"]["region_a"]
    url = reverse("wagtail_localize:submit_page_translation", args=[region_a.pk])
    client.force_login(world.users["coord_a"])
    before = snapshot()
    assert refused(client.get(url, follow=True))
    assert refused(client.post(url, {"locales": [world.en.pk]}, follow=True))
    assert snapshot() == before
    client.force_login(world.users["national"])
    assert client.get(url).status_code == 200


def test_national_workflow_outcome_reaches_the_coordinator(
    client, world, django_capture_on_commit_callbacks
):
    coord, national = world.users["coord_a"], world.users["national"]
    proposal = world.proposals["fr"]
    client.force_login(coord)
    # The coordinator cannot publish their proposal themselves.
    client.post(
        f"/admin/pages/{proposal.pk}/edit/",
        news_form(proposal.title, proposal.slug, **{"action-publish": "action-publish"}),
    )
    proposal.refresh_from_db()
    assert not proposal.live

    client.force_login(national)
    state = WorkflowState.objects.get(object_id=str(proposal.pk), status="in_progress")
    assert world.pages["fr"]["news_index"].get_workflow().name == "Publication nationale"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[proposal.pk, "reject", state.current_task_state.pk],
            ),
            {"comment": "Précisez la date de la rencontre."},
        )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(coord.email in message.to for message in mail.outbox)

    other = world.proposals["en"]
    other_state = WorkflowState.objects.get(object_id=str(other.pk), status="in_progress")
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[other.pk, "approve", other_state.current_task_state.pk],
        ),
        {"comment": "Bravo."},
    )
    other.refresh_from_db()
    assert other.live

    client.force_login(coord)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    content = dashboard.content.decode()
    assert "Proposition Bretagne fr" in content
    assert "Précisez la date de la rencontre." in content
    assert "Proposition Bretagne en" in content
    assert "Bravo." in content


def test_coordinator_lands_on_their_region_and_sees_its_dashboard(client, world):
    p = world.pages["fr"]
    response = client.post("/admin/login/", {"username": "coord-a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{p['region_a'].pk}/"
    explorer = client.get(response["Location"])
    assert explorer.status_code == 200
    assert b"Actu Bretagne fr" in explorer.content

    # A draft, a page submitted for moderation and a recent change in the region.
    client.post(
        f"/admin/pages/add/news/newspage/{p['region_a'].pk}/",
        news_form("Brouillon breton", "brouillon-breton"),
    )
    client.post(
        f"/admin/pages/add/news/newspage/{p['region_a'].pk}/",
        news_form("Soumise bretonne", "soumise-bretonne", **{"action-submit": "action-submit"}),
    )
    dashboard = client.get("/admin/")
    content = dashboard.content.decode()
    assert 'id="region-dashboard"' in content or "region-dashboard" in content
    assert "Brouillon breton" in content
    assert "Soumise bretonne" in content
    assert content.count("Brouillon breton") >= 2  # among the drafts and the recent changes
    assert "Brouillon secret Occitanie" not in content

    # An explicit destination wins; a national user lands on the dashboard.
    client.logout()
    response = client.post(
        "/admin/login/?next=/admin/images/", {"username": "coord-a", "password": PASSWORD}
    )
    assert response["Location"] == "/admin/images/"
    client.logout()
    response = client.post("/admin/login/", {"username": "nationale", "password": PASSWORD})
    assert response["Location"] == "/admin/"
    assert Page.objects.filter(pk=p["region_a"].pk).exists()
