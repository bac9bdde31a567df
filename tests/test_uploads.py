"""Uploads: each refusal gives its message and stores nothing."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test counts the files it leaves: an empty media folder of its own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("national", "n@example.org", "pw-Ess-2010!x")
    client.force_login(user)
    return client


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def stored_files(settings):
    media = Path(settings.MEDIA_ROOT)
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Rapport", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def file_errors(response):
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
    return errors[0].replace("\xa0", " ")


def test_a_pdf_is_accepted(admin_client, settings):
    response = add_document(admin_client, "rapport.pdf", PDF)
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00binary", "« exe » n’est pas autorisée"),
        ("page.html", b"<html><script>alert(1)</script></html>", "« html » n’est pas autorisée"),
        ("logo.svg", SVG, "« svg » n’est pas autorisée"),
        (
            "faux.pdf",
            b"<html><script>alert(1)</script></html>",
            "n’est pas un fichier « pdf » valide",
        ),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "balisage de page web"),
    ],
)
def test_document_refusals(admin_client, settings, name, content, message):
    response = add_document(admin_client, name, content)
    assert response.status_code == 200
    assert message in file_errors(response)
    assert not get_document_model().objects.exists()
    assert stored_files(settings) == []


def test_oversized_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = add_document(admin_client, "gros.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "Ce fichier est trop gros" in file_errors(response)
    assert not get_document_model().objects.exists()
    assert stored_files(settings) == []


def test_svg_image_is_refused(admin_client, settings):
    response = add_image(admin_client, "logo.svg", SVG)
    assert response.status_code == 200
    assert "Format d'image non supporté" in file_errors(response)
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_image_with_too_many_pixels_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    response = add_image(admin_client, "affiche.png", png(1200, 1000))
    assert response.status_code == 200
    assert "pixels" in file_errors(response)
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_oversized_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = add_image(admin_client, "photo.png", png(400, 400) + b"\0" * 2048)
    assert response.status_code == 200
    assert "trop gros" in file_errors(response)
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_a_reasonable_image_is_accepted(admin_client, settings):
    response = add_image(admin_client, "photo.png", png(800, 600))
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 800


def test_documents_are_served_as_downloads_with_a_strict_policy(admin_client, settings):
    add_document(admin_client, "rapport.pdf", PDF)
    document = get_document_model().objects.get()
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_local_media_serves_images_only_with_a_sandbox_policy(admin_client, settings):
    add_image(admin_client, "photo.png", png(80, 60))
    add_document(admin_client, "rapport.pdf", PDF)
    image = get_image_model().objects.get()
    document = get_document_model().objects.get()
    response = admin_client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    # Documents only through Wagtail's view (privacy checks, download disposition).
    assert admin_client.get(document.file.url).status_code == 404
    assert admin_client.get("/media/original_images/../documents/rapport.pdf").status_code == 404
