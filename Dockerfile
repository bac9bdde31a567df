# syntax=docker/dockerfile:1
# The site's production image: a builder stage makes the virtualenv from the pinned
# requirements; the runtime stage holds only that venv, the code and runtime libraries, and
# runs gunicorn as a non-root user. Migrations are a release step (RUN_MIGRATIONS=1 or
# `docker compose run --rm web migrate`), never a side effect of starting a worker.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libjpeg62-turbo-dev zlib1g-dev libwebp-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
ENV PATH=/venv/bin:$PATH
COPY requirements.txt /tmp/requirements.txt
RUN pip install --upgrade pip \
    && pip install -r /tmp/requirements.txt


FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    PORT=8000 \
    WEB_CONCURRENCY=3
# Runtime libraries only: image codecs for Pillow, the PostgreSQL client for backups.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 libwebpmux3 libwebpdemux2 postgresql-client curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 1000 ess \
    && useradd --system --uid 1000 --gid ess --home-dir /app --shell /usr/sbin/nologin ess
COPY --from=builder /venv /venv
WORKDIR /app
# The code belongs to root: the site user can read it, not change it.
COPY . /app

# Static files and translation catalogues are built into the image. The settings need a
# secret and hosts to load: throw-away values that exist only in this build step.
RUN SECRET_KEY=build-step-only-$(python -c "import secrets; print(secrets.token_urlsafe(60))") \
    ALLOWED_HOSTS=build.invalid \
    python manage.py build_catalogues -v0 \
    && SECRET_KEY=build-step-only-$(python -c "import secrets; print(secrets.token_urlsafe(60))") \
    ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media \
    && chown -R ess:ess /app/media

USER ess:ess
EXPOSE 8000
VOLUME ["/app/media"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["curl", "--fail", "--silent", "--show-error", "--max-time", "4", "http://127.0.0.1:8000/healthz"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
# Workers: gunicorn reads WEB_CONCURRENCY; the rest is in config/gunicorn.conf.py.
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi:application"]
