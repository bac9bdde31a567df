"""Tests: only what trims cost. Everything else is the base configuration."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Tests index into the database backend whatever the environment says, so that they never
# depend on the state of an external index. The tests marked "elasticsearch" point their
# own backend at SEARCH_URL's engine (SEARCH_ENGINE_BACKEND), with throwaway indexes.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# SQLite: the test database is a file (not memory) so that `pytest --reuse-db` keeps it
# between runs; pytest-xdist gives each worker its own copy (test.sqlite3_gw0, ...).
# var/ is git-ignored: a fresh clone has none until the first run makes it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}  # noqa: F405

# The file cache (the default without REDIS_URL): a folder per pytest-xdist worker, since
# every test empties the cache.
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):  # noqa: F405
    CACHES["default"]["LOCATION"] = str(  # noqa: F405
        BASE_DIR / "var" / f"test-cache-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"  # noqa: F405
    )
