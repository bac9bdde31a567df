"""Send each translator group its weekly digest of what went out of date (run by cron)."""

from django.core.management.base import BaseCommand, CommandError

from translation.digest import send_digests


class Command(BaseCommand):
    help = "E-mail each translator group the translations that went out of date lately."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help="How far back to look (default: 7 days)."
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        sent = send_digests(days=days)
        self.stdout.write(f"{sent} digest(s) sent.")
