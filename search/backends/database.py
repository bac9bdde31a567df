"""Wagtail's database search backend, with per-language analysis.

Like ``wagtail.search.backends.database``, this picks the implementation for the
database in use: PostgreSQL (a text search configuration per language) or SQLite
(FTS5 fed with words normalised by ``search.analysis``). Other databases get Wagtail's
own implementation.
"""

from django.db import connection
from wagtail.search.backends import database as wagtail_database

_sqlite_fts = None  # checked once: FTS5 compiled in and its table migrated


def _sqlite_fts_ready():
    global _sqlite_fts
    if not _sqlite_fts:
        # SQLite only: its full-text helpers are loaded when SQLite is the database.
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _sqlite_fts = fts5_available() and fts_table_exists()
    return _sqlite_fts


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # Only the backend of the database in use is loaded (PostgreSQL's needs psycopg).
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts_ready():
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return wagtail_database.SearchBackend(params)
