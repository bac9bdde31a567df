"""What several test modules share besides factories: admin form data, the snapshot a
refused request must leave unchanged, reading search results."""

import contextlib
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

PASSWORD = "Une-phrase-de-passe-solide-2010"


# --- The site's listings -----------------------------------------------------------------


def training_news_listings(site_tree):
    """The pages that list a news item of Bretagne (``region_a``) on the training theme."""
    return {
        "home": site_tree.home.url,
        "national news": site_tree.news_index.url,
        "region": site_tree.region_a.url,
        "national chantier": site_tree.chantiers["training"].url,
    }


# --- The admin ---------------------------------------------------------------------------


def news_form(title, slug, **extra):
    """The admin's news page form, filled in."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "article",
            "date": "2026-01-15",
            "intro": f"Introduction de {title}",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def image_upload(name="upload.png"):
    return SimpleUploadedFile(
        name, get_test_image_file(name).file.getvalue(), content_type="image/png"
    )


def snapshot(images_in=None):
    """Everything a refused request must leave as it was (images: of one collection, if given)."""
    images = (
        Image.objects.all() if images_in is None else Image.objects.filter(collection=images_in)
    )
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "url_path",
                "title",
                "draft_title",
                "live",
                "locked",
                "latest_revision_id",
                "has_unpublished_changes",
            )
        ),
        "revisions": Revision.objects.count(),
        "page_log": PageLogEntry.objects.count(),
        "images": list(images.order_by("pk").values_list("pk", "title", "collection_id")),
        "documents": list(
            Document.objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(
            TaskState.objects.order_by("pk").values_list("pk", "status", "comment")
        ),
        "page_permissions": GroupPagePermission.objects.count(),
        "view_restrictions": list(
            Page.objects.filter(view_restrictions__isnull=False).values_list("pk")
        ),
    }


def is_refusal(response):
    """Wagtail refuses with a 403, a redirect to the login or to the dashboard, or a 404."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith("/admin/login/") or location == "/admin/"
    return False


def matrix_mismatches(client, world, role, lang, actions, row):
    """Run each action of a permission matrix as ``role`` in a savepoint rolled back
    afterwards; return what differs from ``row`` (allowed or not), and any refusal that
    changed the database or answered other than with a refusal or the form again.

    An action returns ``(response, happened)``; its ``snapshot_scope`` attribute, if any,
    narrows the snapshot (``{"images_in": "a"}``: one of ``world.collections``)."""
    user = world.users[role]
    mismatches = []
    for (name, action), allowed in zip(actions.items(), row, strict=True):
        with transaction.atomic():
            client.logout()
            if user is not None:
                client.force_login(user)
            scope = {
                key: world.collections[value]
                for key, value in getattr(action, "snapshot_scope", {}).items()
            }
            before = snapshot(**scope)
            response, happened = action(client, world, lang)
            if happened != allowed:
                mismatches.append(
                    f"{role}/{lang}: {name}: expected {'allowed' if allowed else 'refused'}"
                    f", got {response.status_code} {response.get('Location', '')}"
                )
            elif not allowed:
                if snapshot(**scope) != before:
                    mismatches.append(f"{role}/{lang}: {name}: refused but changed the database")
                if not (is_refusal(response) or response.status_code == 200 or scope):
                    mismatches.append(f"{role}/{lang}: {name}: answered {response.status_code}")
            transaction.set_rollback(True)
    return mismatches


# --- Search results ----------------------------------------------------------------------


def search_url(language, **params):
    """The search page of ``language`` with ``params`` as its query string."""
    with translation.override(language):
        url = reverse("search")
    return f"{url}?{urlencode(params)}" if params else url


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_items(response):
    """The <li> of the results list, in order."""
    results = parse(response).select_one("ol[data-search-results]")
    return results.find_all("li", recursive=False) if results else []


def result_titles(response):
    return [item.select_one("h3 a").get_text(strip=True) for item in result_items(response)]


def result_urls(response):
    return [item.select_one("h3 a")["href"] for item in result_items(response)]


# --- Data built once for a module ----------------------------------------------------------


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """A transaction around what a module builds, rolled back when the module is done.

    Each test of the module runs in a savepoint inside it (pytest-django's ``db``), so that
    what a test changes is undone and the module's data is built once.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
