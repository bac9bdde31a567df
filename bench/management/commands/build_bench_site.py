"""``manage.py build_bench_site --pages 10000``: the benchmark's large synthetic site.

Refuses to run on a database that already has pages other than Wagtail's root: point
``DATABASE_URL`` at an empty database of its own (``make bench`` does).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from bench.build_site import build, dump


class Command(BaseCommand):
    help = "Build a large synthetic two-language site for the benchmark, in an empty database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages",
            type=int,
            default=10_000,
            help="Content pages to create, shared between French and English.",
        )
        parser.add_argument(
            "--images",
            type=int,
            default=None,
            help="Images in the first region's collection (default: pages / 2, at most 5,000).",
        )
        parser.add_argument(
            "--summary",
            type=Path,
            default=None,
            help="Write the URLs the benchmark loads to this JSON file.",
        )

    def handle(self, *args, pages, images, summary, **options):
        if pages < 100:
            raise CommandError("--pages must be at least 100.")
        if Page.objects.filter(depth__gt=2).exists():
            raise CommandError(
                "This database already has content. Point DATABASE_URL at an empty database."
            )
        with transaction.atomic():
            result = build(pages=pages, images=images, stdout=self.stdout)
        if summary:
            dump(result, summary)
        self.stdout.write(self.style.SUCCESS(f"Built {pages} pages."))
