"""The health report behind ``/healthz``: the database must answer (503 otherwise); the
cache and the search engine are reported, and the site is "degraded" (200: it still serves)
while either is unavailable."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection

from search.backends import get_search_backend

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"
DEGRADED = "degraded"


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("health: database unreachable: %s", exc)
        return ERROR
    return OK


def search_state():
    """``{"backend": ..., "state": ...}``: a search engine (OpenSearch, Elasticsearch) is
    pinged; the database backend is the database."""
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return {"backend": "database", "state": OK}
    try:
        state = OK if client.ping() else ERROR
    except Exception as exc:  # any transport failure means "not available"
        logger.warning("health: search backend unreachable: %s", exc)
        state = ERROR
    return {"backend": type(backend).__module__.rsplit(".", 1)[-1], "state": state}


def cache_state():
    """Whether the cache stores and reads back. An unreachable Redis answers as a miss
    would (ops/cache.py): the value does not come back. Any other failure is caught too:
    the report must answer."""
    try:
        cache.set("healthz", "1", 10)
        return OK if cache.get("healthz") == "1" else ERROR
    except Exception as exc:
        logger.warning("health: cache unusable: %s", exc)
        return ERROR


def report():
    """The health report and whether the site can serve (the database answers)."""
    database = database_state()
    search = search_state()
    cache_ = cache_state()
    if database != OK:
        status = ERROR
    elif search["state"] != OK or cache_ != OK:
        status = DEGRADED
    else:
        status = OK
    data = {"status": status, "database": database, "search": search, "cache": cache_}
    return data, database == OK
