"""Build the demo site: ``python manage.py load_demo_content``.

Idempotent: a second run finds everything in place and changes nothing. The content is
data (``home/demo/data.py``), the steps are in ``home/demo/builder.py``.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from wagtail.users.models import UserProfile

from home.demo.builder import build

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Build the French demo site (pages, images, documents, snippets) if missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the 'admin' superuser.",
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 2
        try:
            demo = build(log=self.stdout.write if verbose else None)
        except DatabaseError as exc:
            raise CommandError(
                f"The demo could not be built ({exc}). Run 'manage.py migrate' first."
            ) from exc
        if demo.created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content: {len(demo.created)} objects created.")
            )
        else:
            self.stdout.write("Demo content: already in place, nothing changed.")
        if not options["no_admin"]:
            self.ensure_admin()
        self.print_coordinators(getattr(demo, "coordinators", []))

    def print_coordinators(self, accounts):
        """The demo coordinators the regions app's demo step made (regions/wagtail_hooks.py)."""
        if not accounts:
            return
        self.stdout.write("Regional coordinators (log in at /admin/):")
        for username, group_name, created, has_password in accounts:
            state = "created" if created else "already there"
            password = "has a password" if has_password else "no password yet"
            self.stdout.write(f"  {username}  ({group_name}, {state}, {password})")
        self.stdout.write(
            "Give one a password with: echo 'A-long-passphrase' | python manage.py "
            "add_coordinator USERNAME --region SLUG --email EMAIL --password-stdin "
            "(or: python manage.py changepassword USERNAME)."
        )

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin: log in at /admin/ with your superuser account. Forgotten password? "
                f"Run: python manage.py changepassword {ADMIN_USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            username=ADMIN_USERNAME, email="admin@example.org", password=password
        )
        self._prefer_french(user)
        self.stdout.write(
            self.style.WARNING(
                f"Admin created: user '{ADMIN_USERNAME}', password '{password}' "
                "(shown once; change it with "
                f"'python manage.py changepassword {ADMIN_USERNAME}')."
            )
        )

    @staticmethod
    def _prefer_french(user):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
