"""The search engine of the tests marked ``elasticsearch``: the node ``make search-engine``
starts (or any engine ``SEARCH_URL`` names), with throwaway indexes.

``SEARCH_BACKENDS`` is what the search fixtures run on: the database always, the engine too
when ``SEARCH_URL`` is set (those tests carry the ``elasticsearch`` mark, so that
``-m elasticsearch`` runs exactly them).
"""

import contextlib
import uuid
from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from search.backends import get_search_backend

ENGINE = "engine"
SEARCH_BACKENDS = ["database"]
if settings.SEARCH_ENGINE_BACKEND:
    SEARCH_BACKENDS.append(pytest.param(ENGINE, marks=pytest.mark.elasticsearch))


def require_engine():
    """Skip the test when no engine is configured (the tests marked elasticsearch)."""
    if not settings.SEARCH_ENGINE_BACKEND:
        pytest.skip(
            "SEARCH_URL is not set: `make search-engine`, then "
            "SEARCH_URL=opensearch://127.0.0.1:9200"
        )


def engine_params(prefix):
    """WAGTAILSEARCH_BACKENDS' entry for the engine, with indexes named ``prefix*``."""
    require_engine()
    return {**settings.SEARCH_ENGINE_BACKEND, "INDEX_PREFIX": prefix}


def describe_engine():
    """ "opensearch 2.19.6 at http://127.0.0.1:9200", or why there is none."""
    if not settings.SEARCH_ENGINE_BACKEND:
        return "none (SEARCH_URL is not set; the tests marked elasticsearch need one)"
    url = settings.SEARCH_ENGINE_BACKEND["URLS"][0].rsplit("@", 1)[-1]
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": engine_params("")}):
        try:
            version = get_search_backend().es.info()["version"]
        except Exception as error:  # said in the header; the tests then fail
            return f"UNREACHABLE at {url}: {error}"
    return f"{version.get('distribution', 'elasticsearch')} {version['number']} at {url}"


@contextlib.contextmanager
def engine_indexed(django_db_blocker):
    """The engine as the default backend, filled by ``update_index`` from the database as it
    is now; each write is made visible at once (the engine shows it within a second on its
    own); the indexes are deleted at the end."""
    prefix = f"test_{uuid.uuid4().hex[:10]}_"
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": engine_params(prefix)}):
        backend = get_search_backend()
        backend_class = type(backend)
        original_add = backend_class.add

        def add_and_refresh(self, obj):
            original_add(self, obj)
            self.get_index_for_model(type(obj)).refresh()

        try:
            with django_db_blocker.unblock():
                call_command("update_index", stdout=StringIO())
            backend.es.indices.refresh(index=f"{prefix}*")
            with mock.patch.object(backend_class, "add", add_and_refresh):
                yield backend
        finally:
            backend.es.indices.delete(index=f"{prefix}*")
