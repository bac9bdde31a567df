"""A coordinator publishes their region's publications with their region's documents, and
nowhere else: the publication forms, views and the library's own admin report, tried by the
coordinator of Bretagne on Occitanie's publications and documents."""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import CollectionViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from library.extraction import ReadingStatus
from library.factories import LibraryPageFactory, PdfDocumentFactory, PublicationPageFactory
from library.models import DocumentText, PublicationPage
from tests.helpers import is_refusal

pytestmark = [pytest.mark.region_provisioning, pytest.mark.search_index]


def publication_form(title, document_id):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "kind": "study",
            "date": "2024-01-15",
            "summary": "Un résumé.",
            "document": document_id,
            "document_language": "fr",
            "publisher": "Observatoire",
            "authors": "",
            "licence": "cc-by-4.0",
            "body": streamfield([]),
            "themes": [],
            "related_publications": [],
            "action-publish": "publish",
        }
    )


@pytest.fixture
def shelves(world):
    fr = world.pages["fr"]
    document_a = PdfDocumentFactory(title="Étude Bretagne", collection=world.collections["a"])
    document_b = PdfDocumentFactory(title="Étude Occitanie", collection=world.collections["b"])
    return dict(
        library=LibraryPageFactory(parent=fr["home"]),
        document_a=document_a,
        document_b=document_b,
        publication_b=PublicationPageFactory(
            parent=fr["region_b"], title="Publication Occitanie", document=document_b
        ),
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["library", "publicationpage", parent.pk])


def test_coordinator_publishes_in_their_region_with_their_region_s_document(client, world, shelves):
    client.force_login(world.users["coord_a"])
    region_a = world.pages["fr"]["region_a"]
    response = client.post(
        add_url(region_a), publication_form("Notre étude", shelves["document_a"].pk)
    )
    assert response.status_code == 302, response.context["form"].errors
    page = PublicationPage.objects.get(title="Notre étude", alias_of__isnull=True)
    assert page.live and page.get_parent().pk == region_a.pk


@pytest.mark.parametrize("document", ["document_b", "world_document_b"])
def test_another_region_s_document_cannot_be_attached_by_its_number(
    client, world, shelves, document
):
    chosen = shelves["document_b"] if document == "document_b" else world.document_b
    if document == "world_document_b":  # private too: the chooser hides it, the form refuses it
        CollectionViewRestriction.objects.create(
            collection=world.collections["b"], restriction_type="login"
        )
    client.force_login(world.users["coord_a"])
    response = client.post(
        add_url(world.pages["fr"]["region_a"]), publication_form("Emprunt", chosen.pk)
    )
    assert response.status_code == 200
    (error,) = response.context["form"].errors["document"]
    assert "collection" in error
    assert not PublicationPage.objects.filter(title="Emprunt").exists()


def test_coordinator_cannot_publish_in_another_region_nor_nationally(client, world, shelves):
    client.force_login(world.users["coord_a"])
    for parent in (world.pages["fr"]["region_b"], shelves["library"]):
        assert is_refusal(client.get(add_url(parent)))
        response = client.post(
            add_url(parent), publication_form("Intrus", shelves["document_a"].pk)
        )
        assert is_refusal(response)
    assert not PublicationPage.objects.filter(title="Intrus").exists()


def test_coordinator_cannot_edit_preview_or_replace_another_region_s_publication(
    client, world, shelves
):
    client.force_login(world.users["coord_a"])
    publication = shelves["publication_b"]
    document = shelves["document_b"]
    for method, url, data in [
        ("get", reverse("wagtailadmin_pages:edit", args=[publication.pk]), None),
        (
            "post",
            reverse("wagtailadmin_pages:edit", args=[publication.pk]),
            publication_form("Piraté", document.pk),
        ),
        ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[publication.pk]), None),
        ("get", reverse("wagtailadmin_pages:history", args=[publication.pk]), None),
        ("get", reverse("wagtailadmin_pages:copy", args=[publication.pk]), None),
        ("get", reverse("wagtailadmin_pages:usage", args=[publication.pk]), None),
        ("get", reverse("wagtaildocs:edit", args=[document.pk]), None),
        ("get", reverse("wagtaildocs:document_usage", args=[document.pk]), None),
        ("get", reverse("wagtaildocs_chooser:chosen", args=[document.pk]), None),
    ]:
        response = getattr(client, method)(url, data or {})
        assert is_refusal(response), (url, response.status_code)
    publication.refresh_from_db()
    assert publication.title == "Publication Occitanie"


def test_the_document_chooser_lists_only_the_coordinator_s_collections(client, world, shelves):
    client.force_login(world.users["coord_a"])
    listed = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "Étude Bretagne" in listed
    assert "Étude Occitanie" not in listed and "Rapport Occitanie" not in listed


def test_the_unreadable_documents_report_shows_only_the_coordinator_s_region(
    client, world, shelves
):
    for document in (shelves["document_a"], shelves["document_b"]):
        DocumentText.objects.update_or_create(
            document=document, defaults={"status": ReadingStatus.NO_TEXT}
        )
    client.force_login(world.users["coord_a"])
    report = client.get(reverse("library_unreadable_documents")).content.decode()
    assert "Étude Bretagne" in report and "Étude Occitanie" not in report
    client.force_login(world.users["national"])
    report = client.get(reverse("library_unreadable_documents")).content.decode()
    assert "Étude Bretagne" in report and "Étude Occitanie" in report
