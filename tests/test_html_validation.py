"""The Nu Html Checker (npm package vnu-jar, run with java) finds no error on any page type.

Every page type of the demo-like site, in French and English, is rendered through Django's
test client, written to a folder and checked in one run of the checker.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import build_demo_like_site, translate_demo_like_site

pytestmark = [pytest.mark.html, pytest.mark.django_db, pytest.mark.search_index]

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_type_is_valid_html(client, tmp_path):
    tree = build_demo_like_site()
    english = translate_demo_like_site(tree).pages
    pages = [
        tree.home,
        tree.chantier_index,
        tree.chantiers["training"],
        tree.regional_chantier,
        tree.region_index,
        tree.region_a,
        tree.news_index,
        tree.article,
        tree.press_release,
        tree.relay,
        tree.agenda,
        tree.event,
        tree.press_room,
        tree.about,
        tree.accessibility,
        tree.contact,
        tree.roadmap,
        tree.regional_roadmap,
    ]
    urls = [page.url for page in pages] + [english[page.pk].url for page in pages]
    urls += ["/fr/recherche/?q=atelier", "/en/search/?q=atelier", "/fr/no-such-page/"]
    folder = tmp_path / "html"
    folder.mkdir()
    names = {}
    for index, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = folder / f"page{index:02d}.html"
        path.write_bytes(response.content)
        names[path.name] = url

    result = subprocess.run(
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
