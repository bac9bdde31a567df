"""Production settings: insecure configuration refuses to start; check --deploy is clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.server]

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = secrets.token_urlsafe(50)


def run_production(code, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "PYTEST_CURRENT_TEST"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="ess.example.org",
    )
    for key, value in env_overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup()"
# Reading a setting imports the settings module, where the refusals are.
LOAD_SETTINGS = "from django.conf import settings; settings.DEBUG"


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-insecure-key-never-used-in-production"}, "SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-" + GOOD_KEY}, "SECRET_KEY"),
        ({"SECRET_KEY": "short-but-random-x8Zq"}, "SECRET_KEY"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"DEBUG": "1"}, "DEBUG"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_insecure_configuration_refuses_to_start(overrides, variable):
    result = run_production(LOAD_SETTINGS, **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert variable in last_line


def test_secure_configuration_starts_and_check_deploy_is_clean():
    # A production stack shares its page cache between workers (compose.yaml sets Redis);
    # without it the page cache check rightly warns.
    result = run_production(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_settings_are_on_by_default_and_switch_off_with_false():
    show = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.WAGTAILADMIN_BASE_URL)"
    )
    on = run_production(show)
    assert on.stdout.split() == ["True", "31536000", "True", "True", "https://ess.example.org"]
    off = run_production(
        show,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="False",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8100",
    )
    assert off.stdout.split() == ["False", "0", "False", "False", "http://127.0.0.1:8100"]


def test_logs_are_json_lines_on_stdout():
    result = run_production(
        f"{SETUP}; import logging; logging.getLogger('ess').warning('disk %s', 'full', "
        "extra={'region': 'bretagne'})"
    )
    import json

    entry = json.loads(result.stdout.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["message"] == "disk full"
    assert entry["region"] == "bretagne"


def test_the_audit_settings_start_without_a_secret_given():
    """``make audit`` builds on the production settings: they must accept its own key."""
    result = run_production(
        SETUP + "; from django.conf import settings; print(len(settings.SECRET_KEY))",
        DJANGO_SETTINGS_MODULE="config.settings.audit",
        SECRET_KEY=None,
        ALLOWED_HOSTS=None,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) >= 50
