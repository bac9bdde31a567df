"""The production server for real: gunicorn with the production settings, on a free port.

The database is a migrated SQLite file (the ``migrated_sqlite`` fixture) and the static
files are collected into a temporary STATIC_ROOT (compressed and hashed by whitenoise's
storage), as the image does at build.
"""

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.server]

ROOT = Path(__file__).resolve().parent.parent
BUILD_PAGES = (
    "import django; django.setup(); from home.factories import build_site_tree; build_site_tree()"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, migrated_sqlite):
    tmp = tmp_path_factory.mktemp("gunicorn")
    shutil.copy(migrated_sqlite, tmp / "db.sqlite3")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        REDIS_URL="",
        SEARCH_URL="",
        SECURE_SSL_REDIRECT="false",
        SECURE_PROXY_SSL_HEADER="true",
        WEB_CONCURRENCY="1",
        PORT=str(port),
    )

    def manage(*args):
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    # Static files are collected while the migrated database is filled. The time limits
    # are ceilings for a loaded CI machine, not assertions.
    collect = manage("manage.py", "collectstatic", "--noinput", "-v0")
    pages = manage("-c", BUILD_PAGES)
    assert pages.wait(timeout=600) == 0, pages.stdout.read()
    assert collect.wait(timeout=900) == 0, collect.stdout.read()

    log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "config/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if request(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp / "gunicorn.log").read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer"
            time.sleep(0.3)
        yield port, tmp
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def request(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def assert_security_headers(headers):
    policy = headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]


def test_healthz(server):
    port, _tmp = server
    status, headers, body = request(port, "/healthz")
    assert status == 200
    assert json.loads(body) == {
        "status": "ok",
        "database": "ok",
        "search": {"backend": "database", "state": "ok"},
        "cache": "ok",
    }
    assert "no-cache" in headers["cache-control"]
    assert "set-cookie" not in headers


def test_pages_are_served_with_the_security_headers(server):
    port, _tmp = server
    status, headers, _body = request(port, "/")
    assert status == 302 and headers["location"] == "/fr/"
    _status, _headers, home = request(port, "/fr/")
    # Pages linked from the home page (its feeds and calendars are tested elsewhere).
    links = {
        link
        for link in re.findall(r'href="(/fr/[^"?#]+)"', home.decode())
        if not link.startswith("/fr/feeds/")
    }
    assert len(links) >= 4  # chantiers, regions, news, agenda, press room...
    for path in ["/fr/", *sorted(links)]:
        status, headers, body = request(port, path)
        assert status == 200, path
        assert b"<h1" in body
        assert_security_headers(headers)
        assert "strict-transport-security" not in headers  # plain HTTP: no HSTS
    status, headers, _body = request(port, "/fr/no-such-page/")
    assert status == 404
    assert_security_headers(headers)


def test_https_behind_the_proxy_gets_hsts_and_secure_cookies(server):
    port, _tmp = server
    status, headers, _body = request(port, "/fr/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    status, headers, _body = request(port, "/admin/login/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert (
        "Secure" in headers["set-cookie"]
        and "HttpOnly" not in headers["set-cookie"].split("csrftoken")[0]
    )


def test_static_files_are_compressed_with_long_cache_headers(server):
    port, _tmp = server
    _status, _headers, body = request(port, "/fr/")
    stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body).group(1)
    status, headers, content = request(port, stylesheet.decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert b".skip-link" in gzip.decompress(content)
    assert "max-age=315360000" in headers["cache-control"]
    assert "immutable" in headers["cache-control"]
    assert "Accept-Encoding" in headers["vary"]
    assert headers["content-type"].startswith("text/css")


def test_logs_are_json_lines(server):
    _port, tmp = server
    lines = [line for line in (tmp / "gunicorn.log").read_text().splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert "level" in json.loads(line)
