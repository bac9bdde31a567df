"""``manage.py build_bench_site`` runs from a tree without ``tests/``, as in the image.

The site's files are copied as the image's build context takes them (``.dockerignore``
leaves ``tests/`` out), and the command builds a small site there with the production
settings, on a migrated SQLite database.
"""

import fnmatch
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


def image_context(destination):
    """Copy the project as the image's build context holds it (``.dockerignore``)."""
    patterns = [
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(folder, names):
        relative = Path(folder).relative_to(ROOT)
        return {
            name
            for name in names
            if any(
                fnmatch.fnmatch(str(relative / name), pattern.removeprefix("**/"))
                or fnmatch.fnmatch(name, pattern.removeprefix("**/"))
                for pattern in patterns
            )
        }

    shutil.copytree(ROOT, destination, ignore=ignored)


def test_build_bench_site_runs_from_a_tree_without_tests(tmp_path, migrated_sqlite):
    tree = tmp_path / "app"
    image_context(tree)
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
