"""Wagtail's ``publish_scheduled``, safe to run on several servers at once.

Wagtail's command publishes every revision it read as due, and unpublishes every expired
page it read: two schedulers started by the same minute's cron (one per application
server) would publish each page twice (two revisions made live, two log entries, two
notifications). Here each object is claimed first, in the transaction that publishes it,
by an ``UPDATE`` that only matches while it is still due: the second scheduler waits on
that row until the first commits, then matches nothing and moves on. It works the same on
PostgreSQL (a row lock) and SQLite (the database's write lock).
"""

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.management.commands import publish_scheduled
from wagtail.models import DraftStateMixin, Page, Revision


class Command(publish_scheduled.Command):
    help = "Publish the revisions whose time has come and unpublish expired objects, once each."

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        unpublished = published = 0
        for model in self.models():
            expired = model.objects.filter(live=True, expire_at__lt=timezone.now())
            for pk in list(expired.order_by("expire_at").values_list("pk", flat=True)):
                unpublished += self.unpublish(model, pk)
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
        for pk in list(due.order_by("approved_go_live_at").values_list("pk", flat=True)):
            published += self.publish(pk)
        if options["verbosity"] > 1:
            self.stdout.write(f"Published {published}, unpublished {unpublished}.")

    def models(self):
        # The same models as Wagtail's command: pages, and snippets with a draft state.
        return [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]

    @staticmethod
    def unpublish(model, pk):
        with transaction.atomic():
            # Claimed while still live and expired; a concurrent run waits here, then skips.
            claimed = model.objects.filter(pk=pk, live=True, expire_at__lt=timezone.now()).update(
                live=F("live")
            )
            if not claimed:
                return 0
            model.objects.get(pk=pk).unpublish(
                set_expired=True, log_action="wagtail.unpublish.scheduled"
            )
            return 1

    @staticmethod
    def publish(pk):
        with transaction.atomic():
            claimed = Revision.objects.filter(pk=pk, approved_go_live_at__lt=timezone.now()).update(
                approved_go_live_at=F("approved_go_live_at")
            )
            if not claimed:
                return 0
            Revision.objects.get(pk=pk).publish(log_action="wagtail.publish.scheduled")
            return 1
