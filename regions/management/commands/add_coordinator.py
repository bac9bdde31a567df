"""Create or update a regional coordinator's account and put it in the region's group.

    python manage.py add_coordinator USERNAME --region REGION_SLUG --email EMAIL [--password-stdin]

With ``--password-stdin`` the password is read from standard input (so that it never
shows in the shell history or the process list) and checked by the project's password
validators; without it, a password-reset link is printed for the coordinator. Every
argument is checked before anything is written: on an error the command exits non-zero,
says what is wrong (listing the valid region slugs when the region is unknown) and
creates nothing.
"""

import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale

from regions.models import RegionPage
from regions.permissions import find_region_group, region_copies, sync_region


def valid_region_slugs():
    return sorted(set(RegionPage.objects.values_list("slug", flat=True)))


def find_region(slug):
    """The region with this slug, in the default locale if it has a copy there."""
    candidates = RegionPage.objects.filter(slug=slug).select_related("locale")
    default = Locale.get_default()
    return next((r for r in candidates if r.locale_id == default.pk), None) or candidates.first()


class Command(BaseCommand):
    help = "Create or update a regional coordinator and put them in their region's group."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--region", required=True, help="The region's slug.")
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from standard input instead of printing a reset link.",
        )

    def handle(self, *args, username, region, email, password_stdin, **options):
        User = get_user_model()
        region_page = find_region(region)
        if region_page is None:
            slugs = valid_region_slugs()
            raise CommandError(
                _("Unknown region “%(slug)s”. Valid region slugs: %(slugs)s.")
                % {"slug": region, "slugs": ", ".join(slugs) or _("(no region yet)")}
            )
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(
                _("“%(email)s” is not a valid email address.") % {"email": email}
            ) from exc
        try:
            User.username_validator(username)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc

        user = User.objects.filter(username=username).first()
        candidate = user or User(username=username)
        candidate.email = email
        password = None
        if password_stdin:
            stdin = options.get("stdin") or sys.stdin
            password = stdin.read().rstrip("\r\n")
            if not password:
                raise CommandError(_("The password read from standard input is empty."))
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc

        with transaction.atomic():
            sync_region(region_page)
            group = find_region_group(region_copies(region_page))
            created = user is None
            if password is not None:
                candidate.set_password(password)
            elif created:
                candidate.set_unusable_password()
            candidate.is_active = True
            candidate.save()
            candidate.groups.add(group)

        message = (
            _("Coordinator %(username)s created in group “%(group)s”.")
            if created
            else _("Coordinator %(username)s updated and added to group “%(group)s”.")
        )
        self.stdout.write(self.style.SUCCESS(message % {"username": username, "group": group.name}))
        if password is None:
            link = get_admin_base_url() + reverse(
                "wagtailadmin_password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(candidate.pk)),
                    "token": default_token_generator.make_token(candidate),
                },
            )
            self.stdout.write(_("Set a password with this link: %(link)s") % {"link": link})
