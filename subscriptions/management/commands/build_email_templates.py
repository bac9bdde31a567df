"""Build the e-mails' HTML templates (CSS inlined) and logo: ``subscriptions/building.py``."""

from django.core.management.base import BaseCommand, CommandError

from subscriptions import building


class Command(BaseCommand):
    help = (
        "Build the e-mails' HTML templates from subscriptions/emails/ (CSS inlined) and the logo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if a built file differs from its sources."
        )

    def handle(self, *args, check=False, **options):
        files = {
            building.TEMPLATES / name: text.encode()
            for name, text in building.build_templates().items()
        }
        files[building.LOGO] = building.build_logo()
        stale = [
            path
            for path, content in files.items()
            if not path.exists() or path.read_bytes() != content
        ]
        if check:
            if stale:
                raise CommandError(
                    "Out of date (run make email-templates): "
                    + ", ".join(str(path.relative_to(building.APP)) for path in stale)
                )
            return
        for path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[path])
            self.stdout.write(f"wrote {path.relative_to(building.APP)}")
