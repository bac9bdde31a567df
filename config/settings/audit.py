"""The Lighthouse audit (`make audit`): production settings served over plain HTTP on localhost.

Only what an audit on one machine needs differs from production: a fixed throw-away secret,
local hosts, and no HTTPS-only behaviour (there is no TLS in front of the local server).
"""

import os

os.environ.setdefault("SECRET_KEY", "audit-only-insecure-key")

from .production import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
