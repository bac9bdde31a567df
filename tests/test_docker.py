"""What can be checked of the image without a container engine: the Dockerfile's shape, the
entrypoint script (with a fake python), the HEALTHCHECK command against real servers, and
compose.yaml. `make image-test` builds and runs the image itself (scripts/image-test.sh);
wait_for_db has tests/test_wait_for_db.py."""

import ast
import json
import re
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from config.settings import base

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


def settings_variables():
    """Every variable the settings read: base.py's env declaration and each env(...) call."""
    names = set(base.env.scheme)
    for module in ("base.py", "production.py"):
        tree = ast.parse((ROOT / "config" / "settings" / module).read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and (
                    (isinstance(node.func, ast.Name) and node.func.id == "env")
                    or (
                        isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "env"
                    )
                )
            ):
                names.add(node.args[0].value)
    return names


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_has_the_production_stack(compose):
    services = compose["services"]
    assert {"web", "db", "search", "redis", "scheduler", "release"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    # The engine the search tests run against (scripts/search-engine/pom.xml).
    pom = (ROOT / "scripts" / "search-engine" / "pom.xml").read_text()
    version = re.search(r"<opensearch.version>(.+)</opensearch.version>", pom).group(1)
    assert services["search"]["image"] == f"opensearchproject/opensearch:{version}"
    assert services["redis"]["image"].startswith("redis:")
    assert services["release"]["command"] == ["migrate"]
    scheduler = " ".join(services["scheduler"]["command"])
    assert "manage.py publish_scheduled" in scheduler and "sleep 60" in scheduler
    assert services["web"]["depends_on"]["release"]["condition"] == (
        "service_completed_successfully"
    )


def test_compose_names_every_variable_the_settings_read(compose):
    variables = settings_variables()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SENTRY_DSN"} <= variables
    for service in ("web", "scheduler", "release"):
        environment = compose["services"][service]["environment"]
        missing = variables - set(environment)
        assert not missing, f"{service} lacks {sorted(missing)}"
    web_env = compose["services"]["web"]["environment"]
    assert web_env["DATABASE_URL"].endswith("@db:5432/ess")
    assert web_env["SEARCH_URL"] == "opensearch://search:9200"
    assert web_env["REDIS_URL"].startswith("redis://redis:6379")
    assert ":?" in web_env["SECRET_KEY"], "the secret must be required, without a default"
    assert "WEB_CONCURRENCY" in web_env
    # Uploads on the stack's volume, in the image's data folder.
    assert web_env["MEDIA_ROOT"] == "/data/media"
    assert compose["services"]["web"]["volumes"] == ["media:/data/media"]


def dockerfile():
    return (ROOT / "Dockerfile").read_text()


def test_dockerfile_is_multi_stage_non_root_with_healthcheck():
    text = dockerfile()
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim-bookworm$", text, re.M)
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\} AS builder$", text, re.M)
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\} AS runtime$", text, re.M)
    assert "COPY --from=builder /venv /venv" in text
    assert re.search(r"set -- -r /tmp/requirements\.txt", text)
    assert 'pip install --quiet --no-index --find-links "$WHEELS" "$@"' in text
    assert "collectstatic --noinput" in text and "build_catalogues" in text
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and not users[-1].startswith(("root", "0"))
    healthcheck = re.search(r"^HEALTHCHECK .*\\\n\s*CMD (\[.*\])$", text, re.M)
    assert json.loads(healthcheck.group(1)) == ["python", "/app/docker/healthcheck.py"]
    cmd = re.search(r"^CMD (\[.*\])$", text, re.M).group(1)
    assert json.loads(cmd)[0] == "gunicorn", "exec form"
    assert json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", text, re.M).group(1)) == [
        "/app/docker/entrypoint.sh"
    ]
    # Pinned dependencies: every requirement has an exact version.
    for name in ("requirements.txt", "requirements-s3.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line:
                assert "==" in line, line
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "db.sqlite3", "media/", "tests/"} <= set(ignored)


def test_the_image_writes_only_to_its_data_volume():
    """The default database and the media live in /data, a volume the site's user owns:
    the code under /app stays read-only for it."""
    text = dockerfile()
    assert "DATABASE_URL=sqlite:////data/db.sqlite3" in text
    assert "MEDIA_ROOT=/data/media" in text
    assert re.search(r"chown -R ess:ess /data$", text, re.M)
    assert re.search(r'^VOLUME \["/data"\]$', text, re.M)
    assert "chown" not in text.split("COPY . /app", 1)[1], "the code belongs to root"


def test_s3_support_is_a_build_argument():
    text = dockerfile()
    assert re.search(r'^ARG EXTRAS=""$', text, re.M)
    assert 'set -- "$@" -r "/tmp/requirements-$extra.txt"' in text
    runtime = (ROOT / "requirements.txt").read_text().lower()
    assert "boto3" not in runtime and "django-storages[s3]" not in runtime
    assert "django-storages[s3]==" in (ROOT / "requirements-s3.txt").read_text()
    assert "-r requirements-s3.txt" in (ROOT / "requirements-dev.txt").read_text()
    # Static files get their brotli copies at collectstatic.
    assert re.search(r"^Brotli==", (ROOT / "requirements.txt").read_text(), re.M)


def test_a_site_language_without_the_libraries_catalogues_is_named_at_start(
    settings, tmp_path, monkeypatch
):
    # The image keeps the catalogues of its LANGUAGES build argument (fr en by default).
    assert re.search(r'^ARG LANGUAGES="fr en"$', dockerfile(), re.M)
    from core import checks

    for code, catalogue in (("fr", True), ("de", False)):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        if catalogue:
            (tmp_path / code / "LC_MESSAGES" / "django.mo").write_bytes(b"")
    monkeypatch.setattr(checks, "DJANGO_LOCALES", tmp_path)
    settings.LANGUAGES = [("fr", "Français"), ("en", "English")]
    assert checks.library_catalogues_installed() == []
    settings.LANGUAGES += [("de", "Deutsch"), ("tlh", "Klingon")]  # Django has no Klingon
    warnings = checks.library_catalogues_installed()
    assert [warning.id for warning in warnings] == ["core.W001"]
    assert "'de'" in warnings[0].msg and 'LANGUAGES="fr en de"' in warnings[0].hint


class Healthz(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def healthz_server(status):
    handler = type("Handler", (Healthz,), {"status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def healthcheck(port):
    return subprocess.run(
        [sys.executable, str(ROOT / "docker" / "healthcheck.py")],
        env={"PORT": str(port), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_healthcheck_asks_the_port_the_site_listens_on():
    with healthz_server(200) as port:
        assert healthcheck(port).returncode == 0


def test_healthcheck_fails_when_the_site_is_unhealthy():
    with healthz_server(503) as port:
        result = healthcheck(port)
    assert result.returncode == 1
    assert f"http://127.0.0.1:{port}/healthz: HTTP 503" in result.stderr


def test_healthcheck_fails_when_nothing_listens_on_the_port():
    with healthz_server(200) as port:
        pass  # closed: nothing listens there any more
    result = healthcheck(port)
    assert result.returncode == 1
    assert "Connection refused" in result.stderr


@pytest.fixture
def fake_python(tmp_path):
    """A `python` that records its arguments and fails when told to."""
    log = tmp_path / "calls.log"
    script = tmp_path / "bin" / "python"
    script.parent.mkdir()
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{log}"\n'
        'case "$*" in *"$FAIL_ON"*) [ -n "$FAIL_ON" ] && exit 3;; esac\n'
        "exit 0\n"
    )
    script.chmod(0o755)
    return script, log


def run_entrypoint(fake, *args, **env):
    script, log = fake
    full_env = {"PATH": f"{script.parent}:/usr/bin:/bin", "FAIL_ON": "", **env}
    result = subprocess.run(
        [str(ENTRYPOINT), *args], env=full_env, capture_output=True, text=True, timeout=30
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


def test_entrypoint_waits_for_the_database_then_execs_the_command(fake_python):
    result, calls = run_entrypoint(fake_python, "echo", "serving")
    assert result.returncode == 0
    assert result.stdout.strip() == "serving"
    assert calls == ["manage.py wait_for_db --timeout 60"]


def test_entrypoint_migrates_only_when_asked(fake_python):
    result, calls = run_entrypoint(fake_python, "echo", "serving", RUN_MIGRATIONS="1")
    assert result.stdout.strip() == "serving"
    assert calls == ["manage.py wait_for_db --timeout 60", "manage.py migrate --noinput"]


def test_entrypoint_release_command_migrates(fake_python):
    result, calls = run_entrypoint(fake_python, "migrate", DB_WAIT_TIMEOUT="5")
    assert result.returncode == 0
    assert calls == ["manage.py wait_for_db --timeout 5", "manage.py migrate --noinput"]


def test_entrypoint_stops_when_the_database_never_answers(fake_python):
    result, calls = run_entrypoint(fake_python, "echo", "serving", FAIL_ON="wait_for_db")
    assert result.returncode == 3
    assert "serving" not in result.stdout
    assert calls == ["manage.py wait_for_db --timeout 60"]


def test_entrypoint_stops_when_migrations_fail(fake_python):
    result, _ = run_entrypoint(
        fake_python, "echo", "serving", RUN_MIGRATIONS="1", FAIL_ON="migrate"
    )
    assert result.returncode == 3
    assert "serving" not in result.stdout
