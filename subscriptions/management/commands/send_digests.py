"""Send the press alerts and the weekly digests that are due (cron or compose's scheduler,
every minute or few, after publish_scheduled): ``subscriptions/sending.py``."""

from django.core.management.base import BaseCommand, CommandError

from subscriptions.sending import send_digests


class Command(BaseCommand):
    help = "Send the press alerts and weekly digests that are due (safe to run at any time)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, help="E-mails per SMTP connection.")
        parser.add_argument("--pause", type=float, help="Seconds between two batches.")

    def handle(self, *args, batch_size=None, pause=None, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if pause is not None and pause < 0:
            raise CommandError("--pause cannot be negative.")
        run = send_digests(batch_size=batch_size, pause=pause)
        if options["verbosity"] >= 1 and (run.sent or run.refused or run.failed):
            self.stdout.write(
                f"send_digests: {run.sent} sent, {run.refused} refused, {run.failed} failed"
            )
