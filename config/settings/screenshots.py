"""`make screenshots`: the development settings with DEBUG off (the site's own 404 page),
static files served by whitenoise straight from the source folders."""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Every picture shows the templates as they are now: no page or menu kept from a run before.
CACHE_MIDDLEWARE_SECONDS = 0
CHROME_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
