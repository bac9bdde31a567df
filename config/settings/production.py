"""Production: secrets are required and have no default; insecure settings refuse to start.

Every variable is declared (typed, with its default) in base.py's ``env``. HTTPS redirect,
HSTS and secure cookies are on unless turned off by their variable, for a local run behind
no TLS.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

INSECURE_KEY_MARKERS = ("insecure", "dev-only", "change-me", "changeme", "secret-key")


def _refuse(variable, reason):
    raise ImproperlyConfigured(f"{variable} {reason} (production settings refuse to start).")


if not SECRET_KEY:  # noqa: F405
    _refuse("SECRET_KEY", "must be set")
if (
    len(SECRET_KEY) < 50  # noqa: F405
    or len(set(SECRET_KEY)) < 5  # noqa: F405
    or any(marker in SECRET_KEY.lower() for marker in INSECURE_KEY_MARKERS)  # noqa: F405
):
    _refuse(
        "SECRET_KEY",
        "is a default or weak value: use at least 50 random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
    )
if DEBUG:  # noqa: F405
    _refuse("DEBUG", "must be off")
# No default host in production: the variable itself must name the site's hosts.
ALLOWED_HOSTS = [host for host in env.list("ALLOWED_HOSTS", default=[]) if host]
if not ALLOWED_HOSTS:
    _refuse("ALLOWED_HOSTS", "must name the site's host names (comma-separated)")
if "*" in ALLOWED_HOSTS:
    _refuse("ALLOWED_HOSTS", "must not be '*'")

# The admin's absolute links (notification e-mails, previews): the first host unless set.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="") or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# HTTPS
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_SECURE = env("SESSION_COOKIE_SECURE")
CSRF_COOKIE_SECURE = env("CSRF_COOKIE_SECURE")
SESSION_COOKIE_HTTPONLY = True
if env("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False

# Submitting the domain to browsers' HSTS preload lists is a one-way decision for every
# sub-domain, taken by whoever owns the domain: SECURE_HSTS_PRELOAD=true once it is taken.
# Until then Django's reminder (security.W021) is the only check silenced.
if SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Logs: one JSON object per line on standard output.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logging.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

# Errors to Sentry when a DSN is given (no personal data sent).
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:  # sentry_sdk is loaded only when errors go to Sentry
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env("SENTRY_ENVIRONMENT"),
        traces_sample_rate=env("SENTRY_TRACES_SAMPLE_RATE"),
        send_default_pii=False,
    )
