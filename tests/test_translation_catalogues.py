"""The interface is translated: every string the project marks for translation (templates,
forms, e-mails, messages, model labels) has a French translation in the catalogue built by
the project's own command (``build_catalogues``, run by ``make compilemessages``).

The strings are extracted as translators get them, with Django's ``makemessages`` (GNU
gettext's xgettext), into a temporary folder: the project's catalogues are not touched.
"""

from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

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


def library_french():
    """{(context, msgid): French} of Django's, Wagtail's and wagtail-localize's catalogues."""
    messages = {}
    for package in (django, wagtail, wagtail_localize):
        for path in Path(package.__file__).parent.glob("**/locale/fr/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.obsolete:
                    messages.setdefault((entry.msgctxt, entry.msgid), set()).add(entry.msgstr)
    return messages


def test_the_project_never_gives_a_library_message_another_meaning():
    """The project's catalogue is read before the libraries': where it translates one of
    their messages differently, the admin changes too. Only the corrections of
    admin_french.po may do so (Wagtail's "Locale(s)" shipped as "Région(s)")."""
    call_command("build_catalogues", verbosity=0)
    base = Path(settings.BASE_DIR) / "site/locale/fr"
    corrections = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(base / "fragments/admin_french.po"))
    }
    # Same meaning, another form (case, number, noun or verb of one word): checked by hand.
    same_meaning = {"active", "Filter", "In progress", "tags", "document", "Page not found"}
    library = library_french()
    differ = sorted(
        f"{entry.msgid!r}: project {entry.msgstr!r}, libraries {sorted(library[key])}"
        for entry in polib.pofile(str(base / "LC_MESSAGES/django.po"))
        if (key := (entry.msgctxt, entry.msgid)) in library
        and entry.msgstr not in library[key]
        and key not in corrections
        and entry.msgid not in same_meaning
    )
    assert not differ, "\n".join(differ)


def test_the_language_picker_says_languages_in_french():
    with translation.override("fr"):
        assert translation.gettext("Locales") == "Langues"
        assert translation.gettext("Locale") == "Langue"
