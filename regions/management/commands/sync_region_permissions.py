"""Repair the groups, collections and workflow of every region and of the national team.

Regions created before permissions were provisioned automatically, a group deleted by
mistake, a region renamed while signals were off: this command puts everything back.
It is idempotent: a second run reports that nothing changed.
"""

from django.core.management.base import BaseCommand

from regions.permissions import sync_all


class Command(BaseCommand):
    help = "Create or repair the coordination groups, region collections and national groups."

    def handle(self, *args, **options):
        changes = sync_all()
        for change in changes:
            self.stdout.write(f"  {change}")
        if changes:
            self.stdout.write(self.style.SUCCESS(f"{len(changes)} change(s) made."))
        else:
            self.stdout.write("Everything was already in place: nothing changed.")
