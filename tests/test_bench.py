"""``make bench`` runs from start to end: a small site, both passes, the table and the JSON.

The figures of a 100-page site on a test machine mean nothing and are not checked; what is
checked is that the benchmark still builds its site, starts gunicorn with the production
settings, loads every page type without an error and reports. The real run is ``make
bench`` (10,000 pages, docs/performance.md).
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# The bench makes its own database; django_db keeps pytest-django quiet.
pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_benchmark_runs_to_completion_and_reports_every_page_type(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        sys.executable, "-m", "bench.run", "--databases", "sqlite", "--pages", "100",
        "--duration", "1", "--no-docs", "--out", str(tmp_path), "--port", str(free_port()),
        "--redis-url", "", "--search-sizes", "", "--admin-repeat", "2",
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "| page type | uncached req/s" in result.stdout
    assert "Targets: " in result.stdout

    figures = json.loads((Path(tmp_path) / "results.json").read_text())
    (run,) = figures["runs"]
    assert run["database"] == "SQLite" and run["pages"] == 100
    for mode in ("uncached", "cached", "rendered"):
        for page_type, measured in run[mode]["results"].items():
            assert measured["requests"] > 0, (mode, page_type)
            assert measured["non_2xx"] == 0, (mode, page_type)
    assert run["cached"]["results"]["article"]["rps"] > 0
    assert figures["search"][0]["pages"] == 100
    assert run["timings"]["update_index_s"] >= 0
    assert run["uncached"]["first_response_s"] > 0
    assert all(rss > 0 for rss in run["uncached"]["worker_rss_mb"])
    # The admin as a coordinator: every view timed with its queries, publish to visible.
    admin = run["cached"]["admin"]
    assert set(admin["views"]) == {
        "explorer of the region",
        "edit view of an article",
        "save a draft",
        "publish",
        "page chooser",
        "page chooser search",
        "image chooser on the collection",
        "admin search",
    }
    for name, measured in admin["views"].items():
        assert measured["requests"] == 2 and measured["p95_ms"] > 0, name
        assert measured["queries"] > 0, name
    assert admin["images_in_collection"] == 50
    # Without Redis the server's page cache is its own: publish to visible is not measured.
    assert "publish_to_visible" not in admin
    assert "| admin view (as a coordinator) |" in result.stdout
    assert "admin publish p95 < 1 s" in result.stdout
