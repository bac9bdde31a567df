"""Build the site's translation catalogues from their fragments and compile them.

Each part of the site keeps its translations in ``site/locale/<lang>/fragments/*.po``
(one file per feature, so that parallel work never edits the same file). This command
merges the fragments of each language into ``site/locale/<lang>/LC_MESSAGES/django.po``
and compiles ``django.mo`` with polib, so no gettext binary is needed.
"""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Merge site/locale/<lang>/fragments/*.po into django.po and compile django.mo."

    def handle(self, *args, **options):
        locale_dir = Path(settings.BASE_DIR) / "site" / "locale"
        for lang_dir in sorted(p for p in locale_dir.iterdir() if p.is_dir()):
            fragments = sorted((lang_dir / "fragments").glob("*.po"))
            if not fragments:
                continue
            catalogue = polib.POFile(wrapwidth=0)
            catalogue.metadata = {
                "Project-Id-Version": "ess-site",
                "Language": lang_dir.name,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "Plural-Forms": "nplurals=2; plural=(n > 1);"
                if lang_dir.name == "fr"
                else "nplurals=2; plural=(n != 1);",
            }
            seen = {}
            for fragment in fragments:
                try:
                    po = polib.pofile(str(fragment))
                except (OSError, ValueError) as exc:
                    raise CommandError(f"{fragment}: {exc}") from exc
                # A language added later (Arabic: six plural forms) declares its own rule.
                if po.metadata.get("Plural-Forms") and lang_dir.name != "fr":
                    catalogue.metadata["Plural-Forms"] = po.metadata["Plural-Forms"]
                for entry in po:
                    if entry.obsolete:
                        continue
                    key = (entry.msgctxt, entry.msgid)
                    if key in seen:
                        if entry.msgstr and not seen[key].msgstr:
                            seen[key].msgstr = entry.msgstr
                        continue
                    entry.occurrences = []
                    entry.flags = [f for f in entry.flags if f != "fuzzy"]
                    seen[key] = entry
                    catalogue.append(entry)
            out_dir = lang_dir / "LC_MESSAGES"
            out_dir.mkdir(exist_ok=True)
            # Written aside then renamed: a process reading the catalogue meanwhile (another
            # test run, a running server) sees the old file or the new one, never half of one.
            for name, save in (
                ("django.po", catalogue.save),
                ("django.mo", catalogue.save_as_mofile),
            ):
                partial = out_dir / f".{name}.{os.getpid()}"
                save(str(partial))
                os.replace(partial, out_dir / name)
            if options["verbosity"] > 0:
                self.stdout.write(f"{lang_dir.name}: {len(catalogue)} messages")
