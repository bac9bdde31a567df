"""Who may translate, and since when a translation is out of date.

``TranslationPermission``: the members of a group may translate into a language (or into
any language) what the group may edit: a translator group holds its page permissions on
its language's home page, a regional coordination group on its region. The rules that
read it are in ``core.permissions`` (docs/translation.md).

``OutdatedTranslation``: when a translation fell behind its source (the source changed
strings it has no translation of yet); kept by ``core.i18n.refresh_source``.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class TranslationPermission(models.Model):
    group = models.ForeignKey(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="translation_permissions",
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Empty: every language. A group with a language of its own is a translator "
            "group: it edits pages of that language and nothing else."
        ),
    )
    can_publish = models.BooleanField(
        _("publishes its translations"),
        default=True,
        help_text=_(
            "Unticked: its translations are saved as drafts and submitted for review "
            "before they are published."
        ),
    )

    class Meta:
        verbose_name = _("translation right")
        verbose_name_plural = _("translation rights")
        constraints = [
            models.UniqueConstraint(fields=["group", "locale"], name="unique_translation_right"),
            models.UniqueConstraint(
                fields=["group"],
                condition=models.Q(locale__isnull=True),
                name="unique_translation_right_any_language",
            ),
        ]
        ordering = ["group__name", "locale__language_code"]

    def __str__(self):
        language = self.locale.get_display_name() if self.locale_id else _("every language")
        return f"{self.group.name}: {language}"


class OutdatedTranslation(models.Model):
    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        related_name="outdated",
    )
    since = models.DateTimeField()

    class Meta:
        verbose_name = _("outdated translation")
        verbose_name_plural = _("outdated translations")
