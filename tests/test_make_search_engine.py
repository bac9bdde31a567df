"""``make search-engine`` as a contributor runs it: a second engine on a free port, with its
own data folder, started, answering, refusing a folder inside the checkout, and stopped
cleanly with its log kept. (The Maven cache of the first ``make search-engine`` is reused.)"""

import os
import socket
import subprocess
from pathlib import Path

import pytest

from tests.search_engine import require_engine

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "search_engine.sh"


def run(command, env):
    return subprocess.run(
        ["bash", str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=180
    )


@pytest.mark.elasticsearch
def test_start_status_and_a_clean_stop(tmp_path):
    require_engine()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ESS_SERVICES_DIR": str(tmp_path), "ESS_SEARCH_PORT": str(port)}
    log = tmp_path / "opensearch" / "engine.log"
    try:
        started = run("start", env)
        assert started.returncode == 0, started.stderr
        assert f"on http://127.0.0.1:{port} after" in started.stderr
        status = run("status", env)
        assert status.stdout.startswith("opensearch 2.19.6 on"), status
        assert run("start", env).stderr.strip().endswith(f"http://127.0.0.1:{port}")  # kept
    finally:
        stopped = run("stop", env)
    assert stopped.returncode == 0 and "stopped" in stopped.stderr
    assert run("status", env).returncode == 1
    text = log.read_text()
    assert "] started" in text and text.rstrip().endswith("closed")


def test_a_folder_inside_the_checkout_is_refused():
    env = {**os.environ, "ESS_SERVICES_DIR": str(ROOT / "var" / "engine")}
    refused = run("start", env)
    assert refused.returncode == 1
    assert "inside the checkout" in refused.stderr
    assert not (ROOT / "var" / "engine").exists()
