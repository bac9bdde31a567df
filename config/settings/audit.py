"""The Lighthouse audit (`make audit`): production settings served over plain HTTP on localhost.

Only what an audit on one machine needs differs from production: a throw-away secret
drawn for the run (``scripts/audit.py`` passes one to every process it starts), local
hosts, and no HTTPS-only behaviour (there is no TLS in front of the local server).
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .production import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
