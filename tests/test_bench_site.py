"""``manage.py build_bench_site`` runs from a tree without ``tests/``.

The project's files are copied without ``tests/`` (and without what git ignores), and the
command builds a small site there with the production settings, on a migrated SQLite
database. (The image leaves ``tests/`` and ``bench/`` out: the benchmark runs from a
checkout.)
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bench, pytest.mark.server]

ROOT = Path(__file__).resolve().parent.parent


# Left out of the copy: the tests, and what is not the project's own files.
LEFT_OUT = {"tests", ".git", ".venv", "node_modules", "var", "media", "staticfiles"}


def copy_without_tests(destination):
    def ignored(folder, names):
        return {
            name
            for name in names
            if name in LEFT_OUT
            or name in ("__pycache__", "out")  # bench/out: the benchmark's results
            or name.endswith(".sqlite3")
        }

    shutil.copytree(ROOT, destination, ignore=ignored)


def test_build_bench_site_runs_from_a_tree_without_tests(tmp_path, migrated_sqlite):
    tree = tmp_path / "app"
    copy_without_tests(tree)
    assert not (tree / "tests").exists()
    assert (tree / "bench" / "build_site.py").exists()
    database = tmp_path / "bench.sqlite3"
    shutil.copy(migrated_sqlite, database)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in ("DATABASE_URL", "PYTHONPATH")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        REDIS_URL="",
        ELASTICSEARCH_URL="",
    )
    summary = tmp_path / "summary.json"
    result = subprocess.run(
        [sys.executable, "-c", "import tests"], cwd=tree, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0, "the copied tree has no tests package"
    result = subprocess.run(
        [sys.executable, "manage.py", "build_bench_site", "--pages", "100", "--summary", summary],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Built 100 pages." in result.stdout
    built = json.loads(summary.read_text())
    assert built["pages"] == 100
    assert built["urls"]["fr"]["home"] == "/fr/" and built["urls"]["en"]["home"] == "/en/"
    assert len(built["urls"]["fr"]["article"]) > 0
    # What the admin pass uses: a region, one of its articles, its collection of images.
    assert built["admin"]["images"] == 50
    assert {"region_id", "article_id", "collection_id"} <= set(built["admin"])
