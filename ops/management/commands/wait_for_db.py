"""Wait until the database answers (container start-up), or fail after a timeout."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection


class Command(BaseCommand):
    help = "Wait until the default database accepts connections."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60, help="Seconds to wait.")
        parser.add_argument("--interval", type=float, default=1, help="Seconds between tries.")

    def handle(self, *args, timeout, interval, **options):
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.ensure_connection()
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DatabaseError as exc:
                connection.close()
                if time.monotonic() >= deadline:
                    raise CommandError(f"Database unreachable after {timeout:g}s: {exc}") from exc
                time.sleep(interval)
            else:
                if options["verbosity"] > 0:
                    self.stdout.write("Database is ready.")
                return
