"""What can be checked of the image without a Docker engine: the Dockerfile's shape, the
entrypoint script (with a fake python), the wait-for-database command, and compose.yaml."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

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
    assert "elasticsearch:8." in services["search"]["image"]
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
    assert web_env["ELASTICSEARCH_URL"] == "http://search:9200"
    assert web_env["REDIS_URL"].startswith("redis://redis:6379")
    assert ":?" in web_env["SECRET_KEY"], "the secret must be required, without a default"
    assert "WEB_CONCURRENCY" in web_env


def test_dockerfile_is_multi_stage_non_root_with_healthcheck():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim", dockerfile, re.M)
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\} AS builder$", dockerfile, re.M)
    assert "COPY --from=builder /venv /venv" in dockerfile
    assert "pip install -r /tmp/requirements.txt" in dockerfile
    assert "collectstatic --noinput" in dockerfile and "build_catalogues" in dockerfile
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and not users[-1].startswith(("root", "0"))
    assert re.search(r"^HEALTHCHECK .*\n?.*http://127\.0\.0\.1:8000/healthz", dockerfile, re.M)
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)
    assert json.loads(cmd)[0] == "gunicorn", "exec form"
    assert json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", dockerfile, re.M).group(1)) == [
        "/app/docker/entrypoint.sh"
    ]
    # Pinned dependencies: every requirement has an exact version.
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert "==" in line, line
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "db.sqlite3", "media/"} <= set(ignored)


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


@pytest.mark.django_db
def test_wait_for_db_returns_when_the_database_answers(capsys):
    call_command("wait_for_db", timeout=1)
    assert "Database is ready." in capsys.readouterr().out


@pytest.mark.server  # starts a Django process
def test_wait_for_db_gives_up_after_its_timeout():
    env = dict(os.environ, DATABASE_URL="postgres://postgres@127.0.0.1:9/none")
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    result = subprocess.run(
        [sys.executable, "manage.py", "wait_for_db", "--timeout", "1", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Database unreachable after 1s" in result.stderr
