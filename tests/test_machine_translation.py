"""Machine-translation drafts: wagtail-localize's machine translator, from the environment.

A local HTTP server of the test's own speaks LibreTranslate's API; the translator fills the
untranslated strings of an English translation with it in the editor; the page stays as it
was (a draft to review, shown as such on the freshness report) until published. The dummy
translator of wagtail-localize drives the sync form, which refuses to publish machine
translations unread. The settings read MACHINE_TRANSLATOR and its key and URL.
"""

import json
import runpy
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from core import i18n
from tests.factories import NewsPageFactory, UserFactory
from translation.freshness import REVIEW, freshness_rows
from translation.provisioning import sync_translators

pytestmark = [pytest.mark.region_provisioning]


class LibreTranslateHandler(BaseHTTPRequestHandler):
    """POST /translate as LibreTranslate answers it: every ``q`` string, "translated"."""

    def do_POST(self):  # noqa: N802 (the standard library's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body))
        if self.path != "/translate" or body.get("api_key") != "clef-de-test":
            self.send_response(403)
            self.end_headers()
            return
        answer = json.dumps({"translatedText": [f"EN({text})" for text in body["q"]]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslateHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def scene(world, django_capture_on_commit_callbacks):
    sync_translators()
    page = NewsPageFactory(
        parent=world.pages["fr"]["region_a"],
        title="Atelier coopératif",
        intro="Une journée pour créer sa coopérative.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation = i18n.translate(page, "en", {"title": "Cooperative workshop"})
    translator = UserFactory(username="trad-en", groups=["Traduction EN"])
    return page, translation, translator


def machine_strings(translation):
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).values_list("translation_of__data", "data")
    )


def test_libretranslate_fills_the_untranslated_strings_as_a_draft(
    client, world, scene, libretranslate
):
    page, translation, translator = scene
    english = page.get_translation(world.en)
    config = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": f"http://127.0.0.1:{libretranslate.server_port}",
            "API_KEY": "clef-de-test",
        },
    }
    client.force_login(translator)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        editor = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
        assert editor.status_code == 200
        assert b"LibreTranslate" in editor.content
        response = client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": f"/admin/pages/{english.pk}/edit/"},
        )
    assert response.status_code == 302
    path, body = libretranslate.requests[0]
    assert (path, body["source"], body["target"]) == ("/translate", "fr", "en")
    # The title was translated by a person: only the other strings went to the machine.
    assert "Atelier coopératif" not in body["q"]
    strings = machine_strings(translation)
    assert strings["Une journée pour créer sa coopérative."] == (
        "EN(Une journée pour créer sa coopérative.)"
    )
    # A draft to review: the English page is unchanged until a translator publishes it.
    english.refresh_from_db()
    assert english.specific.intro == "Une journée pour créer sa coopérative."
    row = next(r for r in freshness_rows(translator) if r.source_pk == page.pk)
    assert row.status == REVIEW


def test_a_refused_key_leaves_nothing_half_done(client, world, scene, libretranslate):
    page, translation, translator = scene
    english = page.get_translation(world.en)
    config = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": f"http://127.0.0.1:{libretranslate.server_port}",
            "API_KEY": "mauvaise-clef",
        },
    }
    client.force_login(translator)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        response = client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": f"/admin/pages/{english.pk}/edit/"},
            follow=True,
        )
    assert response.status_code == 200
    assert "La traduction automatique n’a rien traduit" in response.content.decode()
    assert machine_strings(translation) == {}


DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_dummy_translator_and_the_sync_form(client, world, scene):
    page, translation, translator = scene
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    # Machine translations are never published unread.
    response = client.post(url, {"use_machine_translation": "on", "publish_translations": "on"})
    assert response.status_code == 200
    assert "relisez-les dans l’éditeur avant de publier" in response.content.decode()
    assert machine_strings(translation) == {}

    response = client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302
    assert machine_strings(translation)["Une journée pour créer sa coopérative."] == (
        "coopérative. sa créer pour journée Une"
    )
    english = page.get_translation(world.en).specific
    assert english.intro == "Une journée pour créer sa coopérative."


def settings_from(monkeypatch, **environment):
    """config/settings/base.py as it reads this environment."""
    for name in (
        "MACHINE_TRANSLATOR",
        "MACHINE_TRANSLATOR_KEY",
        "MACHINE_TRANSLATOR_URL",
        "GOOGLE_TRANSLATE_PROJECT_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(settings.BASE_DIR) / "config/settings/base.py"))


def test_machine_translation_is_off_by_default_and_configured_from_the_environment(monkeypatch):
    assert "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in settings_from(monkeypatch)
    deepl = settings_from(monkeypatch, MACHINE_TRANSLATOR="deepl", MACHINE_TRANSLATOR_KEY="k:fx")
    assert deepl["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["OPTIONS"] == {"AUTH_KEY": "k:fx"}
    libre = settings_from(
        monkeypatch,
        MACHINE_TRANSLATOR="LibreTranslate",
        MACHINE_TRANSLATOR_URL="http://127.0.0.1:5000/",
    )["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"
    for bad in ({"MACHINE_TRANSLATOR": "deepl"}, {"MACHINE_TRANSLATOR": "babelfish"}):
        with pytest.raises(ImproperlyConfigured):
            settings_from(monkeypatch, **bad)
