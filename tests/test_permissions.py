"""Regional editing through the real admin: who may do what, in French and in English.

Each cell of the matrix is one real admin request (Django's test client, a logged-in
user or none) run inside a savepoint that is rolled back afterwards, so that the cells
are independent. A refused request must leave the database exactly as it was.
"""

import json

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowState

from news.models import NewsPage
from tests.factories import ROLES
from tests.helpers import image_upload, is_refusal, matrix_mismatches, news_form

pytestmark = [pytest.mark.region_provisioning]

# The actions: each makes its request and says whether the action took place. ------------


def open_edit_view_a(client, w, lang):
    response = client.get(f"/admin/pages/{w.pages[lang]['news_a'].pk}/edit/")
    return response, response.status_code == 200 and b"page-edit-form" in response.content


def add_news_a(client, w, lang):
    region = w.pages[lang]["region_a"]
    before = NewsPage.objects.child_of(region).count()
    response = client.post(
        f"/admin/pages/add/news/newspage/{region.pk}/", news_form("Nouvelle actu", "nouvelle-actu")
    )
    return response, NewsPage.objects.child_of(region).count() == before + 1


def publish_in_a(client, w, lang):
    page = w.pages[lang]["news_a"]
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        news_form("Titre publié", page.slug, **{"action-publish": "action-publish"}),
    )
    return response, Page.objects.get(pk=page.pk).title == "Titre publié"


def delete_page_in_a(client, w, lang):
    page = w.pages[lang]["leaf_a"]
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    return response, not Page.objects.filter(pk=page.pk).exists()


def delete_region_a(client, w, lang):
    page = w.pages[lang]["region_a"]
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    return response, not Page.objects.filter(pk=page.pk).exists()


def move_region_a(client, w, lang):
    """The move view (choosing a destination) opens only for those who may move the page;
    a direct POST of the confirmation (here: to its own parent) is refused too."""
    page = w.pages[lang]["region_a"]
    response = client.get(f"/admin/pages/{page.pk}/move/")
    if response.status_code != 200:
        parent = w.pages[lang]["region_index"]
        confirm = client.post(f"/admin/pages/{page.pk}/move/{parent.pk}/confirm/")
        assert is_refusal(confirm), confirm
    return response, response.status_code == 200 and b"move" in response.content


def edit_home(client, w, lang):
    response = client.get(f"/admin/pages/{w.pages[lang]['home'].pk}/edit/")
    return response, response.status_code == 200


def edit_chantier(client, w, lang):
    response = client.get(f"/admin/pages/{w.pages[lang]['chantier'].pk}/edit/")
    return response, response.status_code == 200


def upload_image_a(client, w, lang):
    collection = w.collections["a"]
    before = Image.objects.filter(collection=collection).count()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Téléversée", "file": image_upload(), "collection": collection.pk, "tags": ""},
    )
    return response, Image.objects.filter(collection=collection).count() == before + 1


# A user with a single collection never sees the collection field: Wagtail files their
# upload into that collection, whatever was posted. So a refused upload into A's collection
# may add an image to the user's own collection; what must not change is A's collection.
upload_image_a.snapshot_scope = {"images_in": "a"}


def choose_image_b(client, w, lang):
    response = client.get(reverse("wagtailimages_chooser:chosen", args=[w.image_b.pk]))
    chosen = False
    if response.status_code == 200:
        chosen = str(json.loads(response.content)["result"]["id"]) == str(w.image_b.pk)
    return response, chosen


def submit_national(client, w, lang):
    index = w.pages[lang]["news_index"]
    response = client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        news_form("Proposée", "proposee", **{"action-submit": "action-submit"}),
    )
    page = NewsPage.objects.filter(slug="proposee", locale=index.locale).first()
    submitted = (
        page is not None
        and WorkflowState.objects.filter(
            object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        ).exists()
    )
    return response, submitted and not page.live


def approve(client, w, lang):
    page = w.proposals[lang]
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    page.refresh_from_db()
    return response, page.live


ACTIONS = {
    "open the edit view of a page of A": open_edit_view_a,
    "add a news item under A": add_news_a,
    "publish in A": publish_in_a,
    "delete a page in A": delete_page_in_a,
    "delete the region page A": delete_region_a,
    "move the region page A": move_region_a,
    "edit the home page": edit_home,
    "edit a chantier page": edit_chantier,
    "upload an image into A's collection": upload_image_a,
    "choose an image from B's collection": choose_image_b,
    "submit to the national workflow": submit_national,
    "approve it": approve,
}

Y, N = True, False
# role:            edit  add   pub   del   delR  movR  home  chan  upl   chooB subm  appr
MATRIX = {
    "coord_a":   [Y,    Y,    Y,    Y,    N,    N,    N,    N,    Y,    N,    Y,    N],
    "coord_b":   [N,    N,    N,    N,    N,    N,    N,    N,    N,    Y,    Y,    N],
    "national":  [Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y],
    "press":     [N,    N,    N,    N,    N,    N,    N,    N,    N,    N,    Y,    N],
    "nobody":    [N,    N,    N,    N,    N,    N,    N,    N,    N,    N,    N,    N],
    "anonymous": [N,    N,    N,    N,    N,    N,    N,    N,    N,    N,    N,    N],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role, lang):
    """Every cell: the expected answer, and a refusal changes nothing."""
    mismatches = matrix_mismatches(client, world, role, lang, ACTIONS, MATRIX[role])
    assert not mismatches, "\n".join(mismatches)
