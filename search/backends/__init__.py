"""The search backends of the site, and the one way code reaches them.

``WAGTAILSEARCH_BACKENDS`` (config/settings/base.py) selects ``search.backends.database``
(SQLite or PostgreSQL, by the database in use), or ``search.backends.opensearch`` or
``search.backends.elasticsearch`` when ``SEARCH_URL`` names an engine. Each analyses each
language with its own rules. Code asks ``get_search_backend()`` for the backend and never
reads backend names from settings.
"""

import logging

from elastic_transport import TransportError as ElasticTransportError
from elasticsearch import ApiError as ElasticsearchApiError
from opensearchpy.exceptions import TransportError as OpenSearchError
from wagtail.search.backends import get_search_backend as _wagtail_backend

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search service cannot answer now (the engine is down, unreachable or too slow)."""


#: Exceptions that mean "the search service is down", as opposed to a bug.
SERVICE_ERRORS = (ElasticTransportError, ElasticsearchApiError, OpenSearchError)


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
