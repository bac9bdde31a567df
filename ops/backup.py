"""Backup archives of the site: the whole database as Django fixtures, and the media files.

An archive (``.tar.gz``) holds ``manifest.json``, ``contenttypes.exactjson`` and ``db.exactjson``
(``dumpdata`` of every table, primary keys kept so that revisions' content and generic
relations stay valid; content types load first, as signal handlers look them up) and
``media/`` (uploaded images and documents, when media are on local disk). Derived data (the
search index, sessions, login-attempt logs) is left out and rebuilt after a restore.
"""

import datetime
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import Page

FORMAT_VERSION = 1
EXCLUDED = ["sessions", "wagtailsearch", "axes"]
FIRST = ["contenttypes", "auth.permission"]
# ops.serializers' JSON, which keeps datetimes whole (Django's cuts them to milliseconds).
FORMAT = "exactjson"
FIXTURES = [f"contenttypes.{FORMAT}", f"db.{FORMAT}"]


class BackupError(Exception):
    pass


def media_is_local():
    return isinstance(default_storage, FileSystemStorage)


def create_backup(out_path):
    """Write the archive; returns the manifest."""
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory() as tmp:
        first, dump = Path(tmp) / FIXTURES[0], Path(tmp) / FIXTURES[1]
        call_command("dumpdata", *FIRST, output=str(first), format=FORMAT, verbosity=0)
        call_command(
            "dumpdata", exclude=EXCLUDED + FIRST, output=str(dump), format=FORMAT, verbosity=0
        )
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "pages": Page.objects.count(),
            "media": media_is_local(),
        }
        manifest_file = Path(tmp) / "manifest.json"
        manifest_file.write_text(json.dumps(manifest, indent=2))
        partial = out_path.with_name(out_path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_file, "manifest.json")
            archive.add(first, FIXTURES[0])
            archive.add(dump, FIXTURES[1])
            media_root = Path(settings.MEDIA_ROOT)
            if manifest["media"] and media_root.is_dir():
                archive.add(media_root, "media")
        partial.replace(out_path)  # no half-written archive under the real name
    return manifest


def database_is_empty():
    """Nothing an editor made: no account and no page beyond Wagtail's initial two."""
    return not get_user_model().objects.exists() and not Page.objects.filter(depth__gt=2).exists()


NOT_EMPTY = (
    "The database is not empty: restoring would replace its pages and accounts. "
    "Restore into a new database, or pass --replace to replace everything."
)


def _has_schema():
    """Whether the database already has the tables that ``database_is_empty`` reads."""
    tables = set(connection.introspection.table_names())
    return {Page._meta.db_table, get_user_model()._meta.db_table} <= tables


def _safe_members(archive):
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts:
            raise BackupError(f"Unsafe path in archive: {member.name}")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"Unexpected entry in archive: {member.name}")
    return archive.getmembers()


def restore_backup(in_path, replace=False):
    """Load the archive into this site's database and media folder; returns the manifest."""
    try:
        archive = tarfile.open(in_path, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Cannot read {in_path}: {exc}") from exc
    with archive, tempfile.TemporaryDirectory() as tmp:
        members = _safe_members(archive)
        names = {m.name for m in members}
        if not {"manifest.json", *FIXTURES} <= names:
            raise BackupError(
                f"{in_path} is not a site backup (no manifest.json and db.exactjson)."
            )
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unsupported backup format: {manifest.get('format')}")

        # Refuse a database with content before migrating it: migrate runs post_migrate
        # handlers (locale and tree synchronisation) that may add to what is there.
        if not replace and _has_schema() and not database_is_empty():
            raise BackupError(NOT_EMPTY)
        call_command("migrate", interactive=False, verbosity=0)
        if not replace and not database_is_empty():
            raise BackupError(NOT_EMPTY)
        for name in FIXTURES:
            archive.extract(name, tmp, filter="data")
        with transaction.atomic():
            postgres = connection.vendor == "postgresql"
            if postgres:  # TRUNCATE refuses tables with pending deferred-constraint checks
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", interactive=False, verbosity=0)
            if postgres:  # loaddata relies on deferred checks for forward references
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # flush recreated content types and permissions with new ids; the backup's own,
            # with their original ids, replace them so every reference stays right.
            Permission.objects.all().delete()
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            call_command("loaddata", *[str(Path(tmp) / name) for name in FIXTURES], verbosity=0)
        ContentType.objects.clear_cache()

        media = [m for m in members if m.name == "media" or m.name.startswith("media/")]
        if media:
            if not media_is_local():
                raise BackupError("The archive holds media files but media storage is not local.")
            staging = Path(tmp) / "extracted"
            archive.extractall(staging, members=media, filter="data")
            target = Path(settings.MEDIA_ROOT)
            for source in (staging / "media").rglob("*"):
                destination = target / source.relative_to(staging / "media")
                if source.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                else:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    source.replace(destination)
    return manifest
