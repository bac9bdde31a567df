"""Backup and restore: an archive restored into an empty database gives back the same site."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from tests.factories import NewsPageFactory


def snapshot():
    pages = [
        (
            p.pk,
            p.path,
            p.title,
            p.slug,
            p.live,
            p.has_unpublished_changes,
            p.latest_revision_id,
            type(p).__name__,
            p.locale.language_code,
        )
        for p in Page.objects.order_by("path").specific()
    ]
    revisions = [
        (r.pk, r.object_id, r.content_type.model, r.created_at, r.content)
        for r in Revision.objects.order_by("pk").select_related("content_type")
    ]
    return pages, revisions


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def full_site(site_tree):
    """The demo frame plus what editors make: drafts, revisions, uploads, an account."""
    news = NewsPageFactory(
        parent=site_tree.news_index, title="Lancement du mouvement", themes=["training"]
    )
    news.title = "Lancement du mouvement (brouillon)"
    news.save_revision()  # a draft newer than the published revision
    about = site_tree.about
    about.intro = "Deuxième version"
    about.save_revision().publish()
    image = get_image_model().objects.create(
        title="Logo", file=ContentFile(png_bytes(), name="logo.png")
    )
    document = get_document_model().objects.create(
        title="Feuille de route", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="feuille.pdf")
    )
    get_user_model().objects.create_user("coordinatrice", "c@example.org", "Ch4ntier-2010!")
    return image, document


def test_backup_restored_into_an_empty_database_gives_back_pages_revisions_and_media(
    full_site, tmp_path, settings
):
    image, document = full_site
    image_bytes = Path(image.file.path).read_bytes()
    before = snapshot()
    assert len(before[1]) > 10
    archive = tmp_path / "backup.tar.gz"

    call_command("backup_site", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "contenttypes.exactjson", "db.exactjson"} <= set(names)
    assert f"media/{image.file.name}" in names and f"media/{document.file.name}" in names

    # A new, empty installation: empty database, empty media folder.
    if connection.vendor == "postgresql":  # TRUNCATE inside the test's transaction
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = str(tmp_path / "new-media")
    assert not Page.objects.exists() and not Revision.objects.exists()

    out = io.StringIO()
    call_command("restore_site", str(archive), stdout=out)
    assert "Restored" in out.getvalue()

    after = snapshot()
    assert after[0] == before[0]
    for a, b in zip(after[1], before[1], strict=True):
        assert a == b
    news = Page.objects.get(slug="lancement-du-mouvement").specific
    assert news.get_latest_revision_as_object().title == "Lancement du mouvement (brouillon)"
    assert list(news.themes.values_list("code", flat=True)) == ["training"]
    restored_image = get_image_model().objects.get(pk=image.pk)
    assert Path(settings.MEDIA_ROOT, restored_image.file.name).read_bytes() == image_bytes
    assert get_user_model().objects.get(username="coordinatrice").check_password("Ch4ntier-2010!")
    # The search index was rebuilt from the restored pages.
    assert Page.objects.live().search("Lancement").count() == 1


def _as_before_the_theme_moved(archive, out):
    """``archive`` as a version before ``Theme`` moved from ``chantiers`` to ``core`` made it."""
    with tarfile.open(archive) as tar, tarfile.open(out, "w:gz") as new:
        for member in tar.getmembers():
            data = tar.extractfile(member).read() if member.isfile() else None
            if member.name.endswith(".exactjson"):
                objects = json.loads(data)
                for obj in objects:
                    if obj["model"] == "core.theme":
                        obj["model"] = "chantiers.theme"
                    fields = obj["fields"]
                    if obj["model"] == "contenttypes.contenttype" and fields == {
                        "app_label": "core",
                        "model": "theme",
                    }:
                        fields["app_label"] = "chantiers"
                data = json.dumps(objects).encode()
                member.size = len(data)
            new.addfile(member, io.BytesIO(data) if data is not None else None)


def test_an_archive_made_before_the_theme_model_moved_still_restores(full_site, tmp_path):
    archive, old_archive = tmp_path / "backup.tar.gz", tmp_path / "old.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    _as_before_the_theme_moved(archive, old_archive)
    assert b"chantiers.theme" in tarfile.open(old_archive).extractfile("db.exactjson").read()
    if connection.vendor == "postgresql":  # TRUNCATE inside the test's transaction
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)

    call_command("restore_site", str(old_archive), stdout=io.StringIO())

    news = Page.objects.get(slug="lancement-du-mouvement").specific
    assert list(news.themes.values_list("code", flat=True)) == ["training"]
    assert ContentType.objects.filter(app_label="core", model="theme").exists()
    assert not ContentType.objects.filter(app_label="chantiers", model="theme").exists()


def test_restore_refuses_a_database_that_has_content(full_site, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    before = snapshot()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
    after = snapshot()
    assert after[0] == before[0]
    for a, b in zip(after[1], before[1], strict=True):
        assert a == b


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        info = tarfile.TarInfo("../escape.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    with pytest.raises(CommandError, match="Unsafe path"):
        call_command("restore_site", str(bogus))
    (tmp_path / "garbage.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore_site", str(tmp_path / "garbage.tar.gz"))
