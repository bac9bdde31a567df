"""Wait until the database answers (container start-up); stop at once, with the reason, on
an error that waiting cannot fix."""

import os
import re
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, OperationalError, connection

# What PostgreSQL (and libpq) say when the settings are wrong rather than the server not up
# yet. psycopg gives no SQLSTATE for a refused connection, so the message is all there is:
# the server's English messages (lc_messages C, as managed services and Debian's clusters
# use). Anything else (refused, timed out, unknown host, "starting up", too many clients)
# is waited for.
POSTGRES_PERMANENT = re.compile(
    r"password authentication failed"
    r"|authentication failed for user"
    r"|no password supplied"
    r"|no pg_hba\.conf entry"
    r'|(role|database) "[^"]*" does not exist'
    r"|permission denied for database"
    r"|does not have CONNECT privilege"
    r"|SSL was required|server does not support SSL",
    re.IGNORECASE,
)


class PermanentError(Exception):
    """The database cannot be used as configured: waiting will not change that."""


def sqlite_problem(name):
    """Why SQLite cannot write the database file ``name``, or None."""
    if str(name) == ":memory:" or str(name).startswith("file:"):
        return None
    path = Path(name)
    folder = path.parent
    who = f"uid {os.geteuid()}"
    if not folder.is_dir():
        return f"the folder {folder} of the SQLite database does not exist"
    # SQLite writes its journal beside the database: the folder must be writable too.
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} of the SQLite database is not writable by {who}"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return f"the SQLite database {path} is not writable by {who}"
    return None


def classify(exc):
    """Raise PermanentError for an error that waiting cannot fix."""
    message = str(exc)
    if connection.vendor == "sqlite":
        # A busy database is the only SQLite error that passes by itself.
        if "locked" not in message and "busy" not in message:
            raise PermanentError(message) from exc
    elif connection.vendor == "postgresql":
        # Anything but an OperationalError is a malformed setting (e.g. an invalid URL).
        if not isinstance(exc, OperationalError) or POSTGRES_PERMANENT.search(message):
            raise PermanentError(message) from exc


class Command(BaseCommand):
    help = "Wait until the default database accepts connections; fail at once if it never can."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60, help="Seconds to wait.")
        parser.add_argument("--interval", type=float, default=1, help="Seconds between tries.")

    def handle(self, *args, timeout, interval, **options):
        if connection.vendor == "sqlite":
            problem = sqlite_problem(connection.settings_dict["NAME"])
            if problem:
                raise CommandError(f"Database unusable: {problem}.")
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.ensure_connection()
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DatabaseError as exc:
                connection.close()
                try:
                    classify(exc)
                except PermanentError as permanent:
                    raise CommandError(
                        f"Database unusable (waiting will not help): {permanent}"
                    ) from exc
                if time.monotonic() >= deadline:
                    raise CommandError(f"Database unreachable after {timeout:g}s: {exc}") from exc
                time.sleep(interval)
            else:
                if options["verbosity"] > 0:
                    self.stdout.write("Database is ready.")
                return
