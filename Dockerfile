# syntax=docker/dockerfile:1
# The site's production image: a builder stage makes the virtualenv from the pinned
# requirements; the runtime stage holds only that venv and the code, and runs gunicorn as a
# non-root user. Migrations are a release step (RUN_MIGRATIONS=1 or
# `docker compose run --rm web migrate`), never a side effect of starting a worker.
#
#   docker build -t ess-site .                          # media on the local volume
#   docker build --build-arg EXTRAS=s3 -t ess-site .    # with S3 support (boto3)
#
# `make image-test` builds this same file with podman and runs it (docs/operations.md).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
# Every requirement installs from a wheel (Pillow and psycopg bring their own libraries):
# no compiler and no -dev packages are needed.
RUN python3 -m venv /venv
ENV PATH=/venv/bin:$PATH
COPY requirements.txt requirements-s3.txt /tmp/
# Optional extras: EXTRAS=s3 adds boto3 for media on S3-compatible storage.
ARG EXTRAS=""
# The languages whose catalogues the libraries keep (Django's, Wagtail's...): the site's
# French and English. A site configured with EXTRA_LANGUAGES=de builds with
# --build-arg LANGUAGES="fr en de" (the check core.W001 says so when one is missing).
ARG LANGUAGES="fr en"
# pip's wheels are kept between builds in a wheelhouse in the build's cache (never in the
# image): a rebuild takes them from there instead of the network. Then what the site never
# reads at run time goes: the installers, the translations' sources (Django reads the
# compiled .mo files), the compiled catalogues of languages outside LANGUAGES (20 MB; the
# locales' formats stay), the packages' own test suites, and Faker's locales but its default
# (factory-boy, which the demo's factories use, imports Faker; nothing asks for a locale).
ENV WHEELS=/root/.cache/pip/wheelhouse
RUN --mount=type=cache,target=/root/.cache/pip \
    set -- -r /tmp/requirements.txt \
    && for extra in $EXTRAS; do set -- "$@" -r "/tmp/requirements-$extra.txt"; done \
    && pip wheel --quiet --use-pep517 --wheel-dir "$WHEELS" --find-links "$WHEELS" "$@" \
    && pip install --quiet --no-index --find-links "$WHEELS" "$@" \
    && pip uninstall --yes --quiet pip setuptools wheel \
    && find /venv -name "*.po" -path "*/locale/*" -delete \
    && kept=" $(for code in $LANGUAGES; do printf '%s ' "${code%%[-_]*}"; done)" \
    && find /venv -type d -name LC_MESSAGES -path "*/locale/*" | while read -r folder; do \
        language=$(basename "$(dirname "$folder")"); \
        case "$kept" in *" ${language%%_*} "*) ;; *) rm -rf "$folder" ;; esac; \
    done \
    && find /venv -type d -name tests -prune -exec rm -rf {} + \
    && find /venv/lib/python3.11/site-packages/faker/providers -mindepth 2 -maxdepth 2 -type d \
        ! -name en_US ! -name en ! -name __pycache__ -exec rm -rf {} +

FROM ${PYTHON_IMAGE} AS runtime
# The data folder holds what the site writes: the SQLite database when DATABASE_URL names
# none, the uploaded media, and the cache the workers share when REDIS_URL names no Redis.
# It is a volume, owned by the site's user.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    LANG=C.UTF-8 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    DATABASE_URL=sqlite:////data/db.sqlite3 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    CACHE_DIR=/data/cache \
    PORT=8000 \
    WEB_CONCURRENCY=3
RUN groupadd --gid 1000 ess \
    && useradd --uid 1000 --gid ess --no-create-home --home-dir /app --shell /usr/sbin/nologin ess \
    && mkdir -p /data/media /data/cache \
    && chown -R ess:ess /data
COPY --from=builder /venv /venv
WORKDIR /app
# The code belongs to root: the site user can read it, not change it.
COPY . /app

# Static files (with their gzip and brotli copies) and translation catalogues are built into
# the image, the code compiled once. The settings need a secret and hosts to load:
# throw-away values that exist only in this build step.
RUN export SECRET_KEY="build-step-only-$(python -c 'import secrets; print(secrets.token_urlsafe(60))')" \
        ALLOWED_HOSTS=build.invalid \
    && python manage.py build_catalogues -v0 \
    && python manage.py collectstatic --noinput -v0 \
    && python -m compileall -q /app

USER ess:ess
EXPOSE 8000
VOLUME ["/data"]

# Asks the site on the port it listens on (PORT), as gunicorn binds it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
# Workers: gunicorn reads WEB_CONCURRENCY; the rest is in config/gunicorn.conf.py.
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi:application"]
