"""``manage.py wait_for_db``, the image's first step: it waits for a database that is not up
yet, and stops at once, with the reason, on what waiting cannot fix. Each case runs the
command in a process of its own against a real SQLite file or a real PostgreSQL server
(one started here, with password authentication, on a free port)."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "right-password"


# "Fails at once" is proven without a clock: the command is given an hour to wait and the
# process ten minutes to end, so any waiting ends the test with TimeoutExpired, while a slow
# start of Django on a busy machine does not.
AN_HOUR = "3600"


def wait_for_db(database_url, *args, timeout=600):
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings.test")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", "wait_for_db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return result, time.monotonic() - started


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- SQLite -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_returns_when_the_database_answers(capsys):
    call_command("wait_for_db", timeout=1)
    assert "Database is ready." in capsys.readouterr().out


@pytest.mark.server
def test_sqlite_in_a_missing_folder_fails_at_once(tmp_path):
    path = tmp_path / "missing" / "db.sqlite3"
    result, _ = wait_for_db(f"sqlite:///{path}", "--timeout", AN_HOUR)
    assert result.returncode == 1
    assert f"the folder {path.parent} of the SQLite database does not exist" in result.stderr


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder the test's user cannot write: read-only, or immutable for root, whom file
    modes do not stop (chattr +i, as a read-only volume would)."""
    folder = tmp_path / "data"
    folder.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", folder], check=True)
    else:
        folder.chmod(0o555)
    yield folder
    if as_root:
        subprocess.run(["chattr", "-i", folder], check=True)
    else:
        folder.chmod(0o755)


@pytest.mark.server
def test_sqlite_in_a_folder_the_site_cannot_write_fails_at_once(read_only_folder):
    url = f"sqlite:///{read_only_folder / 'db.sqlite3'}"
    result, _ = wait_for_db(url, "--timeout", AN_HOUR)
    assert result.returncode == 1
    assert f"the folder {read_only_folder} of the SQLite database is not writable" in result.stderr


@pytest.mark.server
def test_an_unreachable_server_is_waited_for_until_the_timeout():
    url = f"postgres://postgres@127.0.0.1:{free_port()}/none"
    result, elapsed = wait_for_db(url, "--timeout", "2", "--interval", "0.2")
    assert result.returncode == 1
    assert "Database unreachable after 2s" in result.stderr
    assert elapsed >= 2


# --- PostgreSQL ---------------------------------------------------------------------------


class PostgresServer:
    """A PostgreSQL cluster of the test's own: password (SCRAM) authentication, a free port."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ess-pg-"))
        self.port = free_port()
        # PostgreSQL refuses to run as root: as root, the cluster belongs to postgres.
        self.user = "postgres" if os.geteuid() == 0 else None
        (self.dir / "pw").write_text(PASSWORD)
        if self.user:
            shutil.chown(self.dir, self.user)
            shutil.chown(self.dir / "pw", self.user)
        self.run(
            "initdb", "-D", self.dir / "data", "-U", "postgres", "--auth=scram-sha-256",
            "--pwfile", self.dir / "pw", "-N", "--locale=C.UTF-8",
        )  # fmt: skip

    def run(self, tool, *args):
        subprocess.run(
            [PG_BIN / tool, *map(str, args)],
            check=True,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
        self.run(
            "pg_ctl", "-D", self.dir / "data", "-l", self.dir / "log", "-w", "-o", options, "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", self.dir / "data", "-m", "immediate", "-w", "stop")

    def url(self, password=PASSWORD, database="postgres"):
        return f"postgres://postgres:{password}@127.0.0.1:{self.port}/{database}"


needs_postgres = pytest.mark.skipif(
    not (PG_BIN / "initdb").exists(),
    reason=f"needs PostgreSQL 15's programs in {PG_BIN} (make services installs them)",
)


@pytest.fixture(scope="module")
def postgres_server():
    server = PostgresServer()
    yield server
    shutil.rmtree(server.dir, ignore_errors=True)


@pytest.fixture
def running_server(postgres_server):
    postgres_server.start()
    yield postgres_server
    postgres_server.stop()


@pytest.mark.server
@needs_postgres
def test_a_wrong_password_fails_at_once(running_server):
    result, _ = wait_for_db(running_server.url(password="wrong"), "--timeout", AN_HOUR)
    assert result.returncode == 1
    assert "waiting will not help" in result.stderr
    assert 'password authentication failed for user "postgres"' in result.stderr


@pytest.mark.server
@needs_postgres
def test_an_unknown_database_fails_at_once(running_server):
    result, _ = wait_for_db(running_server.url(database="nope"), "--timeout", AN_HOUR)
    assert result.returncode == 1
    assert 'database "nope" does not exist' in result.stderr


@pytest.mark.server
@needs_postgres
def test_a_server_that_is_not_up_yet_is_waited_for(postgres_server):
    """The command starts first; the server a few seconds later: the command then succeeds."""
    env = dict(
        os.environ,
        DATABASE_URL=postgres_server.url(),
        DJANGO_SETTINGS_MODULE="config.settings.test",
    )
    waiting = subprocess.Popen(
        [sys.executable, "manage.py", "wait_for_db", "--timeout", "90", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)
        assert waiting.poll() is None, "still waiting while nothing listens"
        postgres_server.start()
        out, err = waiting.communicate(timeout=60)
    finally:
        waiting.kill()
        postgres_server.stop()
    assert waiting.returncode == 0, err
    assert "Database is ready." in out
