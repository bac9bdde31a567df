"""The weekly digest: each translator group hears what went out of date in its language.

``send_digests()`` sends every active member (with an e-mail address) of each translator
group one message, in their admin language, listing the translations that fell behind
their source in the last ``days`` days, with links to the editor, and the totals still to
do. Nothing is sent to a group whose language had nothing go out of date. Sent through the
site's e-mail backend; ``manage.py send_translation_digest`` is the command cron runs.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from core.models import TranslationPermission
from core.permissions import is_translator_group
from translation.freshness import MISSING, OUTDATED, freshness_rows


def translator_groups():
    """{group: [locale, ...]} for every translator group (rights for given languages only)."""
    rights = {}
    for right in TranslationPermission.objects.select_related("group", "locale"):
        rights.setdefault(right.group, {})[right.locale_id] = right
    return {
        group: [right.locale for right in by_locale.values()]
        for group, by_locale in rights.items()
        if is_translator_group({locale_id: True for locale_id in by_locale})
    }


def _language_of(user):
    profile = UserProfile.objects.filter(user=user).first()
    language = profile.get_preferred_language() if profile else ""
    return language or settings.LANGUAGE_CODE


def digest_rows(member, locales, since):
    """(what went out of date since ``since``, how many are out of date, how many missing)
    in the group's languages."""
    rows = [row for row in freshness_rows(member) if row.locale in locales]
    recent = [row for row in rows if row.status == OUTDATED and row.since and row.since >= since]
    outdated = sum(1 for row in rows if row.status == OUTDATED)
    missing = sum(1 for row in rows if row.status == MISSING)
    return recent, outdated, missing


def send_digests(days=7, now=None):
    """Send the digests; return the number of messages sent."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    messages = []
    for group, locales in translator_groups().items():
        members = list(
            get_user_model()
            .objects.filter(groups=group, is_active=True)
            .exclude(email="")
            .order_by("pk")
        )
        if not members:
            continue
        recent, outdated, missing = digest_rows(members[0], locales, since)
        if not recent:
            continue
        for member in members:
            with translation.override(_language_of(member)):
                languages = ", ".join(locale.get_display_name() for locale in locales)
                context = {
                    "member": member,
                    "group": group,
                    "languages": languages,
                    "rows": recent,
                    "outdated": outdated,
                    "missing": missing,
                    "days": days,
                    "base_url": base_url,
                }
                subject = _("Translations to update (%(languages)s): %(count)s this week") % {
                    "languages": languages,
                    "count": len(recent),
                }
                body = render_to_string("translation/digest_email.txt", context)
            messages.append(EmailMessage(subject, body, to=[member.email]))
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    return len(messages)
