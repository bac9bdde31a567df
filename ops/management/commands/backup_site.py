"""Back up the database and the media into one archive: manage.py backup_site OUT.tar.gz"""

from django.core.management.base import BaseCommand

from ops.backup import create_backup


class Command(BaseCommand):
    help = "Write the whole database and the media files to a .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive to write (.tar.gz).")

    def handle(self, *args, archive, **options):
        manifest = create_backup(archive)
        self.stdout.write(
            f"Backup written to {archive}: {manifest['pages']} pages"
            + (", media included." if manifest["media"] else "; media are on remote storage.")
        )
