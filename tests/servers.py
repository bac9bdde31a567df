"""Real servers for the tests marked ``server``: gunicorn with the production settings, a
``redis-server`` and a PostgreSQL cluster of the test's own (Debian's programs, installed by
``make services``), each on a free port, and an HTTP client that keeps its cookies (an
editor signed in to the admin)."""

import http.client
import http.cookies
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout, message, interval=0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(interval)


def site_environment(**overrides):
    """The environment of a site process: the production settings, plain HTTP, no
    variable of the test run (pytest's, Django's) leaking in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
        and key not in ("DATABASE_URL", "REDIS_URL", "SEARCH_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        REDIS_URL="",
        SEARCH_URL="",
        LOG_LEVEL="WARNING",
        # Never the checkout's own cache folder: callers name one of the test's.
        CACHE_DIR=tempfile.mkdtemp(prefix="ess-cache-"),
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def run_python(env, *args, timeout=600):
    """``python *args`` in the checkout with ``env``; its output on failure."""
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def django_code(env, code, timeout=600):
    """Run ``code`` in a Django process of its own (a command, cron, another server)."""
    return run_python(env, "-c", "import django; django.setup()\n" + code, timeout=timeout)


# --- gunicorn ----------------------------------------------------------------------------


class Gunicorn:
    """The site served by gunicorn (config/gunicorn.conf.py) on a free port."""

    def __init__(self, env, folder, workers=2, name="gunicorn"):
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": str(workers)}
        self.log_path = Path(folder) / f"{name}.log"
        self.process = None

    def start(self, timeout=300):
        self.log = open(self.log_path, "a")  # noqa: SIM115 (closed by stop)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "config/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "config.wsgi:application",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

        def answers():
            assert self.process.poll() is None, self.log_path.read_text()[-5000:]
            try:
                return get(self.port, "/healthz").status in (200, 503)
            except OSError:
                return False

        wait_until(answers, timeout, f"gunicorn did not answer: {self.log_path}", 0.3)
        return self

    def workers(self):
        """The worker processes' ids and resident memory in MB."""
        return worker_memory(self.process.pid)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def log_text(self):
        return self.log_path.read_text()


def worker_memory(parent):
    """``{pid: RSS in MB}`` of the processes whose parent is ``parent`` (gunicorn's workers)."""
    workers = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(parent):
            workers[int(entry.name)] = round(int(fields["VmRSS"].split()[0]) / 1024, 1)
    return workers


# --- HTTP ----------------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<Response {self.status} {self.headers.get('x-page-cache', '')}>"


def get(port, path, headers=None, timeout=30):
    return request(port, "GET", path, headers=headers, timeout=timeout)


def request(port, method, path, body=None, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        response = connection.getresponse()
        headers = {}
        for key, value in response.getheaders():
            key = key.lower()
            headers[key] = f"{headers[key]}\n{value}" if key in headers else value
        return Response(response.status, headers, response.read())
    finally:
        connection.close()


class Session:
    """A visitor with cookies, e.g. an editor signed in to the admin of one server."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def _headers(self, extra=None):
        headers = dict(extra or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _keep(self, response):
        for line in response.headers.get("set-cookie", "").split("\n"):
            if line:
                cookie = http.cookies.SimpleCookie(line)
                for key, morsel in cookie.items():
                    self.cookies[key] = morsel.value

    def get(self, path):
        response = get(self.port, path, self._headers())
        self._keep(response)
        return response

    def post(self, path, fields, files=None):
        """A form post with the CSRF token from the cookie (multipart when ``files``)."""
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        # Every server is asked as the same host, as behind a load balancer.
        headers = self._headers({"Origin": "http://127.0.0.1"})
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields, doseq=True), "application/x-www-form-urlencoded"
        headers["Content-Type"] = content_type
        response = request(self.port, "POST", path, body=body, headers=headers, timeout=60)
        self._keep(response)
        return response

    def login(self, username, password):
        self.get("/admin/login/")
        response = self.post("/admin/login/", {"username": username, "password": password})
        assert response.status == 302, response.text[:2000]
        return self


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
            )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def page_title(html):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return match.group(1).strip() if match else None


# --- Redis -------------------------------------------------------------------------------------


class RedisServer:
    """Debian's redis-server on a free port, without persistence. ``pause()`` stops it
    (SIGSTOP: connections are accepted by the kernel and never answered, as a hanging
    server), ``resume()`` lets it go on with its data; ``stop()`` and ``start()`` restart
    it on the same port, empty."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def answers():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    return sock.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        wait_until(answers, 30, "redis-server did not start")
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=30)

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)


# --- PostgreSQL ----------------------------------------------------------------------------


class PostgresCluster:
    """A PostgreSQL 15 cluster of the test's own on a free port (trust authentication, fsync
    off): it can be stopped, restarted and have its connections killed without touching
    anyone else's server. As root, the cluster belongs to the postgres user."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ess-pg-"))
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.dir, self.user)
        self.run(
            "initdb", "-D", self.dir / "data", "-U", "postgres", "--auth=trust", "-N",
            "--locale=C.UTF-8", "--encoding=UTF8",
        )  # fmt: skip

    def run(self, tool, *args, check=True):
        return subprocess.run(
            [PG_BIN / tool, *map(str, args)],
            check=check,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self.run(
            "pg_ctl", "-D", self.dir / "data", "-l", self.dir / "log", "-w", "-o", options, "start"
        )

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", self.dir / "data", "-m", mode, "-w", "stop", check=False)

    def remove(self):
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement, database="postgres"):
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else None
