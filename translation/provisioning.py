"""A translator group per language, and the model permissions translation rights need.

``sync_translators()`` gives every content language but the default one its group
"Traduction <CODE>" (a ``TranslationPermission`` for that language; "change", and
"publish" unless its translations go through review, on each home page of that language;
the admin; "change" on every translatable snippet). ``sync_group_rights(group)`` keeps
wagtail-localize's "submit_translation" permission on exactly the groups that have a
translation right. Idempotent: each returns the changes it made.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core.i18n import content_language_codes
from core.models import TranslationPermission

TRANSLATOR_GROUP_PREFIX = "Traduction"
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
TRANSLATOR_MODEL_PERMISSIONS = (("wagtailadmin", "access_admin"), SUBMIT_TRANSLATION)


def translator_group_name(locale):
    return f"{TRANSLATOR_GROUP_PREFIX} {locale.language_code.upper()}"


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _snippet_permissions():
    return [
        _permission(model._meta.app_label, f"change_{model._meta.model_name}")
        for model in translatable_snippet_models()
    ]


def find_translator_group(locale):
    """The group whose only right is this language, else a group so named."""
    right = (
        TranslationPermission.objects.filter(
            locale=locale, group__name__startswith=TRANSLATOR_GROUP_PREFIX
        )
        .select_related("group")
        .order_by("pk")
        .first()
    )
    if right is not None:
        return right.group
    return Group.objects.filter(name=translator_group_name(locale)).first()


def _grant(group, permissions, changes):
    missing = set(permissions) - set(group.permissions.all())
    if missing:
        group.permissions.add(*missing)
        changes.extend(f"{group.name}: + {p.content_type.app_label}.{p.codename}" for p in missing)


def sync_translator_pages(group, locale, can_publish, changes):
    """Edit (and publish, if allowed) on the home pages of the language; nothing else."""
    homes = list(Page.objects.filter(depth=2, locale=locale))
    wanted = ["change_page"] + (["publish_page"] if can_publish else [])
    for codename in ("change_page", "publish_page"):
        permission = _permission("wagtailcore", codename)
        existing = GroupPagePermission.objects.filter(group=group, permission=permission)
        if codename not in wanted:
            removed, _ = existing.delete()
            if removed:
                changes.append(f"{group.name}: - {codename}")
            continue
        have = set(existing.values_list("page_id", flat=True))
        for home in homes:
            if home.pk not in have:
                GroupPagePermission.objects.create(group=group, page=home, permission=permission)
                changes.append(f"{group.name}: + {codename} on {home.url_path}")


@transaction.atomic
def sync_translators():
    """Provision (or repair) the translator group of every non-default content language."""
    changes = []
    for code in content_language_codes()[1:]:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        group = find_translator_group(locale)
        if group is None:
            group = Group.objects.create(name=translator_group_name(locale))
            changes.append(f"group {group.name} created")
        right, created = TranslationPermission.objects.get_or_create(group=group, locale=locale)
        if created:
            changes.append(f"{group.name}: translates into {code}")
        _grant(
            group,
            [_permission(*dotted) for dotted in TRANSLATOR_MODEL_PERMISSIONS]
            + _snippet_permissions(),
            changes,
        )
        sync_translator_pages(group, locale, right.can_publish, changes)
    return changes


def sync_group_rights(group):
    """wagtail-localize's global permission on a group exactly while it has a right; a
    translator group's publish permission follows its right."""
    changes = []
    permission = _permission(*SUBMIT_TRANSLATION)
    rights = list(group.translation_permissions.select_related("locale"))
    has_permission = group.permissions.filter(pk=permission.pk).exists()
    if rights and not has_permission:
        group.permissions.add(permission)
        changes.append(f"{group.name}: + wagtail_localize.submit_translation")
    elif not rights and has_permission:
        group.permissions.remove(permission)
        changes.append(f"{group.name}: - wagtail_localize.submit_translation")
    if rights and all(right.locale_id for right in rights):
        for right in rights:
            sync_translator_pages(group, right.locale, right.can_publish, changes)
    return changes
