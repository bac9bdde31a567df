"""System checks of the site's own set-up (``manage.py check`` and every start)."""

from pathlib import Path

import django
from django.conf import settings
from django.core import checks
from django.utils.translation import to_locale

DJANGO_LOCALES = Path(django.__file__).parent / "conf" / "locale"


@checks.register(checks.Tags.translation)
def library_catalogues_installed(app_configs=None, **kwargs):
    """A site language whose Django catalogue is missing: an image built without it
    (the Dockerfile keeps the catalogues of its LANGUAGES build argument)."""
    warnings = []
    for code, _name in settings.LANGUAGES:
        folder = DJANGO_LOCALES / to_locale(code)
        if code == "en" or not folder.is_dir():
            continue  # English is the libraries' source language; Django lacks this one
        if not (folder / "LC_MESSAGES" / "django.mo").is_file():
            warnings.append(
                checks.Warning(
                    f"The libraries' translations for {code!r} are not installed: Django's "
                    "and Wagtail's own messages will show in English on that language's pages.",
                    hint=f'Build the image with --build-arg LANGUAGES="fr en {code}" '
                    "(docs/operations.md).",
                    id="core.W001",
                )
            )
    return warnings
