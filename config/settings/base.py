"""Settings shared by every environment.

The environment is read here, once, with django-environ: every variable the project
understands is declared in ``env`` below with its type and default. The other settings
modules (dev, test, production) only adjust what differs.
"""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    # Search engine (empty: the database's search). See WAGTAILSEARCH_BACKENDS below.
    SEARCH_URL=(str, ""),
    SEARCH_ENGINE=(str, "opensearch"),
    SEARCH_INDEX_PREFIX=(str, "ess_"),
    SEARCH_TIMEOUT=(float, 3.0),
    REDIS_URL=(str, ""),
    # Redis: seconds an operation may take before the site does without it, and between two
    # tries while it is unreachable (ops/cache.py).
    REDIS_TIMEOUT=(float, 0.1),
    REDIS_RETRY_SECONDS=(float, 5.0),
    # The cache without REDIS_URL: files shared by the site's processes on this machine.
    CACHE_DIR=(str, str(BASE_DIR / "var" / "cache")),
    # PostgreSQL: seconds to wait for a connection before the request answers 503.
    DATABASE_CONNECT_TIMEOUT=(int, 5),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    EXTRA_LANGUAGES=(list, []),
    CACHE_MIDDLEWARE_SECONDS=(int, 300),
    CHROME_CACHE_SECONDS=(int, 3600),
    FRAGMENT_CACHE_SECONDS=(int, 3600),
    POSTGRES_RANDOM_PAGE_COST=(float, 1.1),
    # HTTPS and cookies (applied by production.py; on by default, off for a run without TLS).
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31_536_000),
    SECURE_HSTS_INCLUDE_SUBDOMAINS=(bool, True),
    SECURE_HSTS_PRELOAD=(bool, False),
    SESSION_COOKIE_SECURE=(bool, True),
    CSRF_COOKIE_SECURE=(bool, True),
    # Trust X-Forwarded-Proto from the reverse proxy that terminates TLS.
    SECURE_PROXY_SSL_HEADER=(bool, False),
    # Number of trusted reverse proxies in front of the site (client IP for lockout and limits).
    TRUSTED_PROXY_COUNT=(int, 0),
    CSRF_TRUSTED_ORIGINS=(list, []),
    # E-mail (contact form notifications, password resets).
    EMAIL_HOST=(str, "localhost"),
    EMAIL_PORT=(int, 25),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, False),
    EMAIL_USE_SSL=(bool, False),
    DEFAULT_FROM_EMAIL=(str, "site@localhost"),
    SERVER_EMAIL=(str, "site@localhost"),
    # Seconds the SMTP connection waits for the server (a sign-up answers within it).
    EMAIL_TIMEOUT=(int, 10),
    # Media on S3-compatible storage when a bucket is named; local disk otherwise.
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    AWS_ACCESS_KEY_ID=(str, ""),
    AWS_SECRET_ACCESS_KEY=(str, ""),
    # Serve local media through Django (small installs without a web server in front).
    SERVE_MEDIA=(bool, True),
    # Error reporting and logs.
    SENTRY_DSN=(str, ""),
    SENTRY_ENVIRONMENT=(str, "production"),
    SENTRY_TRACES_SAMPLE_RATE=(float, 0.0),
    LOG_LEVEL=(str, "INFO"),
    # Admin login lockout.
    AXES_FAILURE_LIMIT=(int, 5),
    AXES_COOLOFF_MINUTES=(int, 30),
    # Every editor must enrol an authenticator app (two-factor is optional otherwise).
    ADMIN_2FA_REQUIRED=(bool, False),
    # Uploads (sizes in megabytes).
    DOCUMENT_MAX_UPLOAD_MB=(int, 20),
    IMAGE_MAX_UPLOAD_MB=(int, 10),
    BACKGROUND_TASK_BACKEND=(str, "core.tasks.ThreadBackend"),
    IMAGE_MAX_PIXELS=(int, 40_000_000),
    # Public forms (contact, join, project proposal): posts allowed per client IP and hour.
    CONTACT_FORM_RATE_LIMIT=(int, 5),
    # A file attached to a project proposal, in megabytes.
    PUBLIC_UPLOAD_MAX_MB=(int, 5),
    # E-mail subscriptions (docs/subscriptions.md): sign-ups per client IP and per address
    # and hour; send_digests' batches (e-mails per SMTP connection, seconds between them),
    # the weekly digest's day (0 is Monday) and hour, and how long a claim of a killed run
    # is left alone.
    SUBSCRIBE_RATE_LIMIT=(int, 10),
    SUBSCRIBE_ADDRESS_RATE_LIMIT=(int, 3),
    SUBSCRIPTIONS_BATCH_SIZE=(int, 50),
    SUBSCRIPTIONS_BATCH_PAUSE=(float, 1.0),
    SUBSCRIPTIONS_DIGEST_WEEKDAY=(int, 3),
    SUBSCRIPTIONS_DIGEST_HOUR=(int, 8),
    SUBSCRIPTIONS_CLAIM_MINUTES=(int, 15),
    PAGE_CACHE_BROWSER_SECONDS=(int, 60),
    FRONTEND_CACHE_VARNISH_URL=(str, ""),
    FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN=(str, ""),
    FRONTEND_CACHE_CLOUDFLARE_ZONEID=(str, ""),
    FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
    # Machine-translation drafts in wagtail-localize's editor (off unless named):
    # deepl | libretranslate | google, with its key, URL or project (docs/translation.md).
    MACHINE_TRANSLATOR=(str, ""),
    MACHINE_TRANSLATOR_KEY=(str, ""),
    MACHINE_TRANSLATOR_URL=(str, ""),
    MACHINE_TRANSLATOR_TIMEOUT=(float, 10.0),
    GOOGLE_TRANSLATE_PROJECT_ID=(str, ""),
    GOOGLE_TRANSLATE_CREDENTIALS_PATH=(str, ""),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Project apps first so that their templates and commands win (layers: docs/architecture.md).
    "core",
    "home",
    "chantiers",
    "regions",
    "news",
    "library",
    "directory",
    "subscriptions",
    "search",
    "syndication",
    # Before wagtail-localize: routes its views through the translation rights.
    "translation",
    # wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",
    "ops",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "axes",
    # Two-factor authentication for the admin (ops/twofactor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The map of France (regions, home page, directory).
    "maps",
]
# The benchmark (bench/: manage.py build_bench_site), in a checkout; the image leaves it out.
if (BASE_DIR / "bench" / "__init__.py").exists():
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    # /healthz answers before host checks, HTTPS redirect and sessions.
    "ops.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ops.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages, feeds and API answers compressed when the browser accepts gzip (a phone's first
    # visit: the home page's 41 KB of HTML in about 10); static files come compressed from
    # whitenoise above. Django pads each answer against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous pages from cache: a hit skips every middleware below (core/cache.py); the
    # security headers above still apply to it.
    "core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Asks editors with an authenticator for their code before any admin page.
    "ops.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: refuses logins after repeated failures.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
# A kept connection is checked before a request uses it (one round trip, only after it has
# been idle since the previous request), so that a database restart costs no request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env("DATABASE_CONNECT_TIMEOUT"))
    # PostgreSQL's default random_page_cost (4.0) prices disks that seek; on SSD storage it
    # makes the planner read the whole search index rather than its GIN index (search at
    # 10,000 pages: 77 ms instead of 24 ms for a common word). 1.1 is the usual SSD value.
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", f"-c random_page_cost={env('POSTGRES_RANDOM_PAGE_COST')}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "ops.auth.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# django-axes: lock a username from an IP address after repeated failed logins.
ADMIN_2FA_REQUIRED = env("ADMIN_2FA_REQUIRED")
OTP_TOTP_ISSUER = "ESS"
AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT")
AXES_COOLOFF_TIME = env("AXES_COOLOFF_MINUTES") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ops/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# The client's address: X-Forwarded-For only when a trusted proxy sets it, else REMOTE_ADDR.
AXES_IPWARE_PROXY_COUNT = env("TRUSTED_PROXY_COUNT") or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Languages: French first, English second; more by configuration (EXTRA_LANGUAGES=ar,de)
# and a translation catalogue in site/locale, without code changes.
LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

_BASE_LANGUAGES = [("fr", "Français"), ("en", "English")]


def _language_name(code):
    return LANG_INFO.get(code, {}).get("name_local", code)


LANGUAGES = _BASE_LANGUAGES + [
    (code, _language_name(code))
    for code in env("EXTRA_LANGUAGES")
    if code not in dict(_BASE_LANGUAGES)
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [SITE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SERVE_MEDIA = env("SERVE_MEDIA")
MEDIA_ORIGIN = ""  # where media is served from when it is not this site (for the CSP)
if env("AWS_STORAGE_BUCKET_NAME"):
    from importlib.util import find_spec

    if find_spec("boto3") is None:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set but boto3 is not installed: install "
            "requirements-s3.txt (the image: docker build --build-arg EXTRAS=s3)."
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            "file_overwrite": False,
            "default_acl": None,
            # Private bucket: the storage signs each URL.
            "querystring_auth": not env("AWS_S3_CUSTOM_DOMAIN"),
        },
    }
    SERVE_MEDIA = False
    MEDIA_ORIGIN = (
        f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"
        if env("AWS_S3_CUSTOM_DOMAIN")
        else env("AWS_S3_ENDPOINT_URL") or "https://*.amazonaws.com"
    )

# Cache: Redis when REDIS_URL is set, else files in CACHE_DIR. Either is shared by every
# process of the site (gunicorn's workers, commands, cron), so that a change made by any of
# them shows on the next request of all (docs/performance.md, "The default cache"). Redis
# unreachable or slower than REDIS_TIMEOUT: the site serves uncached (ops/cache.py). Sessions
# and the login lockout live in the database, never only in the cache.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "ess",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": env("REDIS_TIMEOUT"),
                "SOCKET_TIMEOUT": env("REDIS_TIMEOUT"),
                "RETRY_SECONDS": env("REDIS_RETRY_SECONDS"),
                # A change made while Redis was away could not change the page cache's
                # generation (core.cache.GENERATION_KEY): forget it once Redis is back.
                "FORGET_AFTER_OUTAGE": ["pagecache:generation"],
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR"),
            # Past MAX_ENTRIES files, a third of them go (any, the generation's included:
            # a lost generation only empties the cache).
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Whole responses for anonymous visitors (core/cache.py): how long the server keeps them
# (0 switches the page cache off), how long browsers may, and where it never applies.
CACHE_MIDDLEWARE_SECONDS = env("CACHE_MIDDLEWARE_SECONDS")
# The menu, footer and home links every page shows (home/chrome.py) and the years a
# listing's filter offers, kept until the next change (core.cache.remember); 0 computes
# them on every request.
CHROME_CACHE_SECONDS = env("CHROME_CACHE_SECONDS")
# The listings of a page rendered once for anonymous visitors and kept until the next
# change or for this long (core.fragments: what is "upcoming" moves at most this late);
# 0 renders them on every request.
FRAGMENT_CACHE_SECONDS = env("FRAGMENT_CACHE_SECONDS")
PAGE_CACHE_BROWSER_SECONDS = env("PAGE_CACHE_BROWSER_SECONDS")
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/django-admin/")

# A CDN or Varnish in front of the site, purged by Wagtail when pages change. Off unless
# configured: FRONTEND_CACHE_VARNISH_URL=http://varnish:8000, or the Cloudflare pair
# FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN + FRONTEND_CACHE_CLOUDFLARE_ZONEID, or
# FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_VARNISH_URL"),
    }
if env("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN") and env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
if env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail"), "wagtail.contrib.frontend_cache")

# Search: Wagtail's database backend by default; an OpenSearch or Elasticsearch cluster when
# SEARCH_URL names one. Its scheme says which: opensearch://host:9200, elasticsearch://host:9200,
# with "+https" for TLS (opensearch+https://user:password@host); a plain http(s):// URL is the
# engine SEARCH_ENGINE names. Every backend is the project's (search/backends/), analysing each
# language with its own rules. A search waits SEARCH_TIMEOUT seconds at most for the engine
# (then the page answers 503); bulk indexing waits longer (search/backends/engine.py).
SEARCH_ENGINE_BACKENDS = {
    "opensearch": "search.backends.opensearch",
    "elasticsearch": "search.backends.elasticsearch",
}
SEARCH_URL = env("SEARCH_URL")
SEARCH_ENGINE_BACKEND = None
if SEARCH_URL:
    _scheme, _, _address = SEARCH_URL.partition("://")
    _engine, _, _transport = _scheme.lower().partition("+")
    if _engine in ("http", "https"):
        _engine, _transport = env("SEARCH_ENGINE").lower(), _engine
    if _engine not in SEARCH_ENGINE_BACKENDS or _transport not in ("", "http", "https"):
        raise ImproperlyConfigured(
            f"SEARCH_URL: unknown scheme {_scheme!r}; use opensearch://, elasticsearch://, "
            "their +https forms, or http(s):// with SEARCH_ENGINE=opensearch|elasticsearch"
        )
    SEARCH_ENGINE_BACKEND = {
        "BACKEND": SEARCH_ENGINE_BACKENDS[_engine],
        "URLS": [f"{_transport or 'http'}://{_address}"],
        "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX"),
        "TIMEOUT": env("SEARCH_TIMEOUT"),
        # A refused connection is tried once more; a timeout is not retried.
        "OPTIONS": {"max_retries": 1},
    }
WAGTAILSEARCH_BACKENDS = {
    "default": SEARCH_ENGINE_BACKEND or {"BACKEND": "search.backends.database"},
}

# Machine translation (wagtail-localize): a translator fills untranslated strings with it,
# then reviews them; the translation stays a draft until published. Off by default.
MACHINE_TRANSLATOR = env("MACHINE_TRANSLATOR").strip().lower()
if MACHINE_TRANSLATOR == "deepl":
    if not env("MACHINE_TRANSLATOR_KEY"):
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs MACHINE_TRANSLATOR_KEY.")
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("MACHINE_TRANSLATOR_KEY")},
    }
elif MACHINE_TRANSLATOR == "libretranslate":
    if not env("MACHINE_TRANSLATOR_URL"):
        raise ImproperlyConfigured(
            "MACHINE_TRANSLATOR=libretranslate needs MACHINE_TRANSLATOR_URL (the server's "
            "address, e.g. http://127.0.0.1:5000)."
        )
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("MACHINE_TRANSLATOR_URL").rstrip("/"),
            "API_KEY": env("MACHINE_TRANSLATOR_KEY"),
            "TIMEOUT": env("MACHINE_TRANSLATOR_TIMEOUT"),
        },
    }
elif MACHINE_TRANSLATOR == "google":
    from importlib.util import find_spec

    if find_spec("google.cloud.translate") is None:
        raise ImproperlyConfigured(
            "MACHINE_TRANSLATOR=google needs Google's client: pip install -r "
            "requirements-google.txt."
        )
    if not env("GOOGLE_TRANSLATE_PROJECT_ID"):
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=google needs GOOGLE_TRANSLATE_PROJECT_ID.")
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "PROJECT_ID": env("GOOGLE_TRANSLATE_PROJECT_ID"),
            **(
                {"CREDENTIALS_PATH": env("GOOGLE_TRANSLATE_CREDENTIALS_PATH")}
                if env("GOOGLE_TRANSLATE_CREDENTIALS_PATH")
                else {}
            ),
        },
    }
elif MACHINE_TRANSLATOR:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={MACHINE_TRANSLATOR!r}: use deepl, libretranslate or google "
        "(or leave it empty: no machine translation)."
    )

# Wagtail
WAGTAIL_SITE_NAME = "Mouvement ESS"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
    "csv",
    "txt",
    "png",
    "jpg",
    "jpeg",
]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads: no SVG or HTML anywhere (they run scripts when opened from the site's domain);
# documents pass through ops.forms.DocumentForm (content matches extension) and are always
# served by Wagtail's view (permissions, Content-Disposition, a CSP of its own).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ops.forms.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env("DOCUMENT_MAX_UPLOAD_MB") * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env("IMAGE_MAX_UPLOAD_MB") * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env("IMAGE_MAX_PIXELS")
CONTACT_FORM_RATE_LIMIT = env("CONTACT_FORM_RATE_LIMIT")
PUBLIC_UPLOAD_MAX_MB = env("PUBLIC_UPLOAD_MAX_MB")
SUBSCRIBE_RATE_LIMIT = env("SUBSCRIBE_RATE_LIMIT")
SUBSCRIBE_ADDRESS_RATE_LIMIT = env("SUBSCRIBE_ADDRESS_RATE_LIMIT")
SUBSCRIPTIONS_BATCH_SIZE = env("SUBSCRIPTIONS_BATCH_SIZE")
SUBSCRIPTIONS_BATCH_PAUSE = env("SUBSCRIPTIONS_BATCH_PAUSE")
SUBSCRIPTIONS_DIGEST_WEEKDAY = env("SUBSCRIPTIONS_DIGEST_WEEKDAY")
SUBSCRIPTIONS_DIGEST_HOUR = env("SUBSCRIPTIONS_DIGEST_HOUR")
SUBSCRIPTIONS_CLAIM_MINUTES = env("SUBSCRIPTIONS_CLAIM_MINUTES")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No request from the admin to a third party: no Gravatar (it would send a hash of every
# editor's e-mail to gravatar.com). Editors upload an avatar, or show their initials
# (ops/avatars.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Tasks (django-tasks, which Wagtail uses): Wagtail's own run at once; "background" runs
# after the response, in a thread of the process (core/tasks.py), e.g. reading the text of
# uploaded documents (library/tasks.py). BACKGROUND_TASK_BACKEND names another backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": env("BACKGROUND_TASK_BACKEND")},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Backups (ops.backup): Django's JSON fixtures with datetimes kept to the microsecond.
SERIALIZATION_MODULES = {"exactjson": "ops.serializers"}

# Security headers (ops.middleware.SecurityHeadersMiddleware and Django's SecurityMiddleware).
# Public pages: scripts and styles from the site only, no inline code, framing refused.
EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": EMBED_FRAME_SOURCES,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin still relies on inline scripts and styles in places, shows embeds and
# image previews from anywhere, and frames its own page previews.
ADMIN_PATH_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "https:"],
    "frame-src": ["'self'", "https:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env("EMAIL_PORT")
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env("EMAIL_USE_TLS")
EMAIL_USE_SSL = env("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL")
EMAIL_TIMEOUT = env("EMAIL_TIMEOUT")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
