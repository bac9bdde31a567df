"""/healthz, the security headers of public pages, and the admin that must keep working."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

ROOT = Path(__file__).resolve().parent.parent


def csp(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
    )


@pytest.mark.django_db
def test_healthz_reports_database_search_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "search": {"backend": "database", "state": "ok"},
        "cache": "ok",
    }
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_healthz_answers_whatever_the_host(client):
    """The container's health check calls it by IP address, which ALLOWED_HOSTS need not list."""
    response = client.get("/healthz", HTTP_HOST="172.18.0.5:8000")
    assert response.status_code == 200


@pytest.mark.server  # starts a Django process
def test_healthz_is_503_when_the_database_is_unreachable():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/unreachable",
    )
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, json.dumps(r.json()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert '"database": "error"' in body
    assert '"status": "error"' in body


def test_public_pages_carry_the_security_headers(client, site_tree):
    for page in (site_tree.home, site_tree.about, site_tree.news_index):
        response = client.get(page.url)
        assert response.status_code == 200
        policy = csp(response)
        assert policy["script-src"] == "'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert policy["frame-ancestors"] == "'none'"
        assert policy["object-src"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]


def test_error_pages_carry_the_security_headers(client, site_tree):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert csp(response)["script-src"] == "'self'"


@pytest.fixture
def editor_client(client, site_tree):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-Ess-2010!x")
    client.force_login(user)
    return client


def test_admin_editor_works_and_previews_can_be_framed(editor_client, site_tree):
    about = site_tree.about
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    assert edit.status_code == 200
    assert csp(edit)["frame-ancestors"] == "'self'"

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    data = nested_form_data(
        {
            "title": "À propos (brouillon)",
            "slug": about.slug,
            "intro": "Qui sommes-nous",
            "body": streamfield([]),
        }
    )
    posted = editor_client.post(preview_url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True
    preview = editor_client.get(preview_url)
    assert preview.status_code == 200
    assert "À propos (brouillon)" in preview.text
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(preview)["frame-ancestors"] == "'self'"
