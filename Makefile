# The project's commands. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: setup run test test-fast messages compilemessages lint format check clean bench soak browser-deps server-deps validate-html audit services services-stop image-test search-engine search-engine-stop screenshots fonts brand map-data email-templates assets

$(VENV)/.installed: requirements.txt requirements-s3.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

compilemessages: setup
	$(PY) manage.py build_catalogues -v0

messages: setup
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=node_modules --no-obsolete

run: setup compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (the logins are printed above)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# PostgreSQL 15 on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (Debian's packages, installed and
# started when missing; data in ESS_SERVICES_DIR, outside the checkout). `make test` needs
# neither: SQLite and the local cache are the embedded default.
services:
	@bash scripts/services.sh start

services-stop:
	@bash scripts/services.sh stop

# The production image: Debian's podman builds the Dockerfile on a Python 3.11 base image made
# from Debian's packages (debootstrap), then runs it with the production settings against
# SQLite on a volume and against the PostgreSQL of `make services` (scripts/image-test.sh;
# needs root; figures and production use in docs/operations.md).
image-test: services
	bash scripts/image-test.sh

# OpenSearch 2.19 on 127.0.0.1:9200 for the search tests and the benchmark: fetched through
# Maven into ESS_CACHE_DIR the first time (Java 17 and Maven needed, nothing else), started by
# the project's launcher (scripts/search-engine/), data and log in ESS_SERVICES_DIR/opensearch.
search-engine:
	@bash scripts/search_engine.sh start

search-engine-stop:
	@bash scripts/search_engine.sh stop

# Front-end tools: Debian's chromium for the browser tests and Lighthouse (never a browser
# downloaded by a tool), and the npm packages pinned in package-lock.json (axe-core,
# vnu-jar, lighthouse). Each step runs only when something is missing.
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

# The server tier starts PostgreSQL and Redis processes of its own (tests/servers.py): it needs
# Debian's programs, not the running services of `make services`.
server-deps:
	@bash scripts/services.sh install

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The whole suite in PYTEST_WORKERS processes (pytest-xdist; 0: one process), a test module
# per worker at a time. PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser"';
# PYTEST_ARGS=--create-db migrates the kept test database anew. See docs/testing.md.
PYTEST_WORKERS ?= 2
PYTEST := DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile
SLOW_TIERS := browser or html or server or bench or demo or query_budget or elasticsearch
test: setup compilemessages browser-deps server-deps
	$(PYTEST) $(PYTEST_ARGS)

# The edit-test loop: every test but the slow tiers (no browser, no server started, no
# whole demo site, no query budgets).
test-fast: setup compilemessages
	$(PYTEST) -m "not ($(SLOW_TIERS))" $(PYTEST_ARGS)

# The Nu Html Checker on every page type (also part of `make test`).
validate-html: setup compilemessages browser-deps
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest tests/test_html_validation.py

# Lighthouse on every page type of the demo site, served with production-like settings.
audit: setup compilemessages browser-deps
	$(PY) scripts/audit.py

# Every page type at 375 and 1280 px, in French and English, into var/screenshots/ (git-ignored).
screenshots: setup compilemessages browser-deps
	$(PY) scripts/screenshots.py

# The design's committed assets, rebuilt from the npm packages pinned in package.json
# (docs/design.md): the typeface subset, the logo/icons/illustrations, the map data.
fonts: setup node_modules/.installed
	$(PY) scripts/build_fonts.py

brand: setup fonts
	$(PY) scripts/build_brand.py

map-data: setup node_modules/.installed
	$(PY) manage.py build_map_data

# The e-mails' HTML templates with their CSS inlined, and the e-mail logo, built from
# subscriptions/emails/ with css-inline and resvg (committed; docs/subscriptions.md).
email-templates: setup
	$(PY) manage.py build_email_templates

assets: fonts brand map-data email-templates

check: setup
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# ruff, then the import contracts of .importlinter (layers, no cycle, no test code).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# A large synthetic site, served by gunicorn, loaded from a second process; figures in
# bench/out/results.json and docs/performance.md. By default: 10,000 pages on PostgreSQL
# (the server at 127.0.0.1:5432) then on SQLite, and search again at 100,000 pages on
# PostgreSQL; update_index of the first site and of the demo site into the engine of
# `make search-engine`, and search on it. Options: BENCH_ARGS="--pages 2000 --databases
# postgres --search-sizes '' --duration 10" (see python -m bench.run -h). wrk comes from
# Debian when it can be installed; otherwise a Python load generator stands in.
BENCH_ARGS ?=
bench: setup compilemessages search-engine
	@command -v wrk >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null 2>&1) || echo "wrk could not be installed: using the Python load generator"
	$(PY) -m bench.run --engine opensearch://127.0.0.1:9200 $(BENCH_ARGS)
	$(PY) -m bench.cache_backends

# A mixed load for SOAK_MINUTES (default 10) against gunicorn with the production settings on
# the PostgreSQL and Redis of `make services`: visitors on every page type, searches, feeds,
# the calendar and the API, an editor publishing every few seconds and uploading images.
# Figures in bench/out/soak.json and docs/operations.md. Options: python -m bench.soak -h.
SOAK_MINUTES ?= 10
SOAK_ARGS ?=
soak: setup compilemessages services
	$(PY) -m bench.soak --minutes $(SOAK_MINUTES) $(SOAK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
