"""The health report behind ``/healthz``: the database must answer; search and cache are reported."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection

from search.backends import get_search_backend

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"


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
    try:
        cache.set("healthz", "1", 10)
        return OK if cache.get("healthz") == "1" else ERROR
    except Exception as exc:  # Redis down: the site still serves, uncached
        logger.warning("health: cache unreachable: %s", exc)
        return ERROR


def report():
    """The health report and whether the site can serve (the database answers)."""
    database = database_state()
    data = {
        "status": OK if database == OK else ERROR,
        "database": database,
        "search": search_state(),
        "cache": cache_state(),
    }
    return data, database == OK
