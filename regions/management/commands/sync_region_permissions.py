"""Repair the groups, collections and workflow of every region and of the national team.

Regions created before permissions were provisioned automatically, a group deleted by
mistake, a region renamed while signals were off: this command puts everything back.
It is idempotent: a second run reports that nothing changed.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regions.permissions import sync_all

NOTHING_CHANGED = "Everything was already in place: nothing changed."


class Command(BaseCommand):
    help = "Create or repair the coordination groups, region collections and national groups."

    def handle(self, *args, **options):
        changes = sync_all()
        for change in changes:
            self.stdout.write(f"  {change}")
        if changes:
            message = ngettext("%(count)d change made.", "%(count)d changes made.", len(changes))
            self.stdout.write(self.style.SUCCESS(message % {"count": len(changes)}))
        else:
            self.stdout.write(_(NOTHING_CHANGED))
