"""Restore a backup made by backup_site: manage.py restore_site IN.tar.gz [--replace]"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and media from a backup_site archive, into an empty database "
        "(or replacing everything with --replace), then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive to read (.tar.gz).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace a database that already has pages or accounts.",
        )
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, archive, replace, skip_index, **options):
        try:
            manifest = restore_backup(archive, replace=replace)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not skip_index:
            call_command("update_index", verbosity=0)
        self.stdout.write(
            f"Restored {archive} (made {manifest['created']}): {manifest['pages']} pages."
        )
