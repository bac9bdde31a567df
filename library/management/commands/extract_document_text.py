"""Read the text of documents: those never read (or left pending), or all of them."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from wagtail.documents import get_document_model

from library.extraction import ReadingStatus
from library.tasks import read_and_store


class Command(BaseCommand):
    help = (
        "Read the text inside documents for search: the documents never read or left "
        "pending (by default), every document (--all), or the ones named (--document)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every document.")
        parser.add_argument("--force", action="store_true", help="Read again files already read.")
        parser.add_argument(
            "--document", type=int, action="append", default=[], help="A document's id."
        )

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if options["document"]:
            documents = documents.filter(pk__in=options["document"])
            missing = set(options["document"]) - set(documents.values_list("pk", flat=True))
            if missing:
                raise CommandError(
                    "No document with id " + ", ".join(str(pk) for pk in sorted(missing))
                )
        elif not options["all"]:
            documents = documents.filter(
                Q(extracted_text__isnull=True) | Q(extracted_text__status=ReadingStatus.PENDING)
            )
        statuses = Counter()
        for pk in documents.values_list("pk", flat=True):
            record = read_and_store(pk, force=options["force"])
            if record is not None:
                statuses[record.status] += 1
                if record.is_unreadable and options["verbosity"] > 0:
                    self.stdout.write(f"  {record.document}: {record.get_status_display()}")
        total = sum(statuses.values())
        summary = ", ".join(
            f"{count} {ReadingStatus(status).label.lower()}" for status, count in statuses.items()
        )
        self.stdout.write(f"{total} document(s) read" + (f": {summary}" if summary else ""))
