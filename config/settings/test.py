"""Tests: only what trims cost. Everything else is the base configuration."""

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
