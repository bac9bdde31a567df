"""The search backends of the site, and the one way code reaches them.

``WAGTAILSEARCH_BACKENDS`` (config/settings/base.py) selects ``search.backends.database``
(SQLite or PostgreSQL, by the database in use) or ``search.backends.elasticsearch`` when
``ELASTICSEARCH_URL`` is set. Both analyse each language with its own rules. Code asks
``get_search_backend()`` for the backend and never reads backend names from settings.
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend as _wagtail_backend

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search service cannot answer now (Elasticsearch down or unreachable)."""


#: Exceptions that mean "the search service is down", as opposed to a bug.
SERVICE_ERRORS = (TransportError, ApiError)


def get_search_backend(name="default"):
    """The configured search backend (the only way the project reaches it)."""
    return _wagtail_backend(name)


def run(function, *args, **kwargs):
    """Call ``function``; turn a failure of the search service into ``SearchUnavailable``."""
    try:
        return function(*args, **kwargs)
    except SERVICE_ERRORS as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(str(error)) from error
