"""Shared fixtures: the small site built once per module, signal handlers switched on only
where a test is about them, a media folder per module, a clean cache per test.

The layout, the markers and the commands are described in docs/testing.md.
"""

import contextlib
import copy
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.models.signals import post_delete, post_save
from django.test import Client, override_settings

from tests.factories import build_search_corpus, build_site_tree, build_world
from tests.helpers import rolled_back
from tests.search_engine import ENGINE, SEARCH_BACKENDS, describe_engine, engine_indexed


def pytest_report_header(config):
    return f"search engine: {describe_engine()}"


# --- Translation catalogues ----------------------------------------------------------------


def pytest_sessionstart(session):
    """Build the translation catalogues from their fragments first, as `make test` does,
    so that a bare `pytest` on a fresh clone reads the same French. Under pytest-xdist the
    controller builds them before it starts the workers."""
    if hasattr(session.config, "workerinput"):
        return
    from django.core.management import call_command
    from django.utils.translation import trans_real

    call_command("build_catalogues", verbosity=0)
    # Forget catalogues read before they were built (Django does the same on settings changes).
    trans_real._translations = {}
    trans_real._default = None


# --- The test database -----------------------------------------------------------------------


def pytest_collection_modifyitems(items):
    """pytest-django migrates the test database only for a run that holds a test marked
    ``django_db``: a test that copies it (``migrated_sqlite``) counts as one, so that a
    server module run alone finds it migrated."""
    for item in items:
        if "migrated_sqlite" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's set-up (``--reuse-db`` keeps the migrated database between runs),
    then a check that a kept database holds only what migrations put there."""
    from wagtail.models import Page

    with django_db_blocker.unblock():
        if Page.objects.filter(depth__gt=2).exists():
            pytest.exit(
                "The kept test database holds pages a previous run left (was it interrupted?):"
                " run the tests again with --create-db.",
                returncode=3,
            )


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup, django_db_blocker, tmp_path_factory):
    """A migrated SQLite database file that a server or command started by a test may use.

    On SQLite it is a copy of the test database as migrations left it (its committed
    state: tests roll back); on another database, ``manage.py migrate`` makes it.
    """
    from django.db import connection

    path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        with sqlite3.connect(name) as source, sqlite3.connect(path) as copy_:
            source.backup(copy_)
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        env.update(DATABASE_URL=f"sqlite:///{path}", DJANGO_SETTINGS_MODULE="config.settings.test")
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=Path(__file__).resolve().parent.parent,
            env=env,
            check=True,
            timeout=900,
        )
    return path


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT collected as the image's is (hashed names, gzip and brotli copies), for
    the servers tests start with the production settings."""
    from tests.servers import run_python, site_environment

    folder = tmp_path_factory.mktemp("static")
    run_python(
        site_environment(STATIC_ROOT=folder), "manage.py", "collectstatic", "--noinput", "-v0"
    )
    return folder


@pytest.fixture(scope="module")
def _module_site_tree(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_site_tree()


@pytest.fixture
def site_tree(_module_site_tree, db):
    """The small French site (``build_site_tree()``), built once for the module.

    Each test gets its own copy of the page objects (as Django's ``setUpTestData`` does),
    and what it changes in the database is rolled back after it.
    """
    return copy.deepcopy(_module_site_tree)


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def search_corpus(request, django_db_setup, django_db_blocker):
    """The site with French and English pages to search (``build_search_corpus()``), built
    once for the module (give the module the ``search_index`` marker to index it), searched
    with the database's backend, then with the engine's when SEARCH_URL names one."""
    with rolled_back(django_db_blocker):
        corpus = build_search_corpus()
        if request.param == ENGINE:
            with engine_indexed(django_db_blocker):
                yield corpus
        else:
            yield corpus


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_world(Client())


@pytest.fixture
def world(_module_world, db):
    """The regional world of the permission tests (``build_world()``), built once for the
    module (which needs the ``region_provisioning`` marker); a copy for each test."""
    return copy.deepcopy(_module_world)


# --- Signal handlers that only some tests are about -------------------------------------------


def _search_index_on():
    from modelsearch.signal_handlers import register_signal_handlers

    register_signal_handlers()


def _search_index_off():
    from modelsearch import index
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    for model in index.get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)


def _region_provisioning_on():
    from regions import signals
    from translation import signals as translation_signals

    signals.connect()
    translation_signals.connect()


def _region_provisioning_off():
    from regions import signals
    from translation import signals as translation_signals

    signals.disconnect()
    translation_signals.disconnect()


#: Marker name: (connect, disconnect). The site connects these handlers at start-up; the
#: tests run without them, except a module or test with the marker.
SIGNAL_MARKERS = {
    "search_index": (_search_index_on, _search_index_off),
    "region_provisioning": (_region_provisioning_on, _region_provisioning_off),
}
_connected = set()


@contextlib.contextmanager
def signal_handlers(node):
    """Connect the handlers the markers of ``node`` name, for as long as the block lasts."""
    names = [
        mark.name
        for mark in node.iter_markers()
        if mark.name in SIGNAL_MARKERS and mark.name not in _connected
    ]
    names = list(dict.fromkeys(names))
    for name in names:
        SIGNAL_MARKERS[name][0]()
        _connected.add(name)
    try:
        yield
    finally:
        for name in names:
            SIGNAL_MARKERS[name][1]()
            _connected.discard(name)


@pytest.fixture(scope="session", autouse=True)
def _signal_handlers_off():
    for _on, off in SIGNAL_MARKERS.values():
        off()
    yield
    for on, _off in SIGNAL_MARKERS.values():
        on()


@pytest.fixture(scope="module", autouse=True)
def _module_signal_handlers(request, _signal_handlers_off):
    """A module's markers hold for all it builds and runs, module fixtures included."""
    with signal_handlers(request.node):
        yield


@pytest.fixture(autouse=True)
def _test_signal_handlers(request, _module_signal_handlers):
    with signal_handlers(request.node):
        yield


# --- Files and cache ---------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _media_root(tmp_path_factory):
    """Uploads go to a folder of the module's own, where what its fixtures built stays."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
