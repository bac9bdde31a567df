"""The interface is translated: every string the project marks for translation (templates,
forms, e-mails, messages, model labels) has a French translation in the catalogue built by
the project's own command (``build_catalogues``, run by ``make compilemessages``).

The strings are extracted as translators get them, with Django's ``makemessages`` (GNU
gettext's xgettext), into a temporary folder: the project's catalogues are not touched.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

# Folders that hold no interface string of the project.
IGNORED = ["locale", ".venv", "venv", "node_modules", "tests", "staticfiles", "media", ".git"]


@pytest.fixture
def settings_override(settings, tmp_path, monkeypatch):
    """makemessages run from the project's folder, writing into ``tmp_path``."""
    monkeypatch.chdir(settings.BASE_DIR)
    settings.LOCALE_PATHS = [str(tmp_path)]
    return settings


def extracted_messages(tmp_path):
    call_command("makemessages", locale=["fr"], ignore_patterns=IGNORED, verbosity=0)
    return polib.pofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))


def test_every_interface_string_has_a_french_translation(tmp_path, settings_override):
    extracted = extracted_messages(tmp_path)
    assert len(extracted) > 100, "makemessages found the project's strings"

    call_command("build_catalogues", verbosity=0)
    built = polib.mofile(str(Path(settings.BASE_DIR) / "site/locale/fr/LC_MESSAGES/django.mo"))
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in built
        if entry.msgstr or any(entry.msgstr_plural.values())
    }
    missing = sorted(
        f"{entry.msgid!r} ({', '.join(f'{path}:{line}' for path, line in entry.occurrences[:2])})"
        for entry in extracted
        if (entry.msgctxt, entry.msgid) not in translated
    )
    assert not missing, (
        "Strings without a French translation: add them to your fragment "
        "site/locale/fr/fragments/<feature>.po\n" + "\n".join(missing)
    )


def test_the_english_catalogue_is_built_too():
    call_command("build_catalogues", verbosity=0)
    assert (Path(settings.BASE_DIR) / "site/locale/en/LC_MESSAGES/django.mo").exists()
