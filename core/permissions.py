"""Translation rights, applied to every page type and every translatable snippet.

Wagtail's page permissions say which part of the tree a group edits; each language has its
own tree. ``TranslationPermission`` adds who may *translate*: a translator group (a right
for one language) edits and publishes the pages of that language and nothing else, never
creating, moving, deleting or unpublishing one; any other group (a region's coordinators,
the national team) keeps its page permissions on a page that is a translation only if it
has a right for that page's language. Snippets follow the same rules through a permission
policy. docs/translation.md explains the model; the wagtail-localize views that check these
rules are routed in ``translation/``.
"""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from wagtail.models import Page, PagePermissionTester, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

#: What a translator group's page permissions allow on the pages of its language.
TRANSLATOR_ACTIONS = {"change", "publish"}

_RIGHTS_CACHE = "_translation_rights_cache"


# --- Rights of a user ------------------------------------------------------------------


def group_rights(user):
    """{group id: {locale id or None: can_publish}} for the user's groups (cached on the user)."""
    if not user.is_authenticated or not user.is_active:
        return {}
    rights = getattr(user, _RIGHTS_CACHE, None)
    if rights is None:
        rights = {}
        # By name: ``core.models`` imports this module (BasePage's permission tester).
        model = apps.get_model("core", "TranslationPermission")
        rows = model.objects.filter(group__user=user).values_list(
            "group_id", "locale_id", "can_publish"
        )
        for group_id, locale_id, can_publish in rows:
            rights.setdefault(group_id, {})[locale_id] = can_publish
        setattr(user, _RIGHTS_CACHE, rights)
    return rights


def forget_rights(user):
    """Drop what ``group_rights`` cached (after a user's groups or rights changed)."""
    if hasattr(user, _RIGHTS_CACHE):
        delattr(user, _RIGHTS_CACHE)


def is_translator_group(rights):
    """A group whose rights name languages (no right for every language): a translator group."""
    return bool(rights) and None not in rights


def right_for(rights, locale_id):
    """(may translate into the locale, may publish there) for one group's rights."""
    if locale_id in rights:
        return True, rights[locale_id]
    if None in rights:
        return True, rights[None]
    return False, False


def with_translation_flags(pages):
    """``pages`` with what ``is_translation`` asks of each page read in the same query: the
    explorer and the chooser test every row's permissions (else one query per row)."""
    translations = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale_id=OuterRef("locale_id"),
        enabled=True,
    ).exclude(source__locale_id=OuterRef("locale_id"))
    return pages.annotate(
        _is_translation=ExpressionWrapper(
            Q(alias_of__isnull=True) & Exists(translations), output_field=BooleanField()
        )
    )


def is_translation(obj):
    """Whether ``obj`` (a page or snippet) is the target of a translation from another
    language, kept in step by wagtail-localize. Cached on the object."""
    cached = getattr(obj, "_is_translation", None)
    if cached is None:
        if getattr(obj, "alias_of_id", None) or not getattr(obj, "translation_key", None):
            cached = False
        else:
            cached = (
                Translation.objects.filter(
                    source__object_id=obj.translation_key,
                    target_locale_id=obj.locale_id,
                    enabled=True,
                )
                .exclude(source__locale_id=obj.locale_id)
                .exists()
            )
        obj._is_translation = cached
    return cached


def may_translate_into(user, locale):
    """Whether the user may translate anything at all into ``locale``."""
    if user.is_active and user.is_superuser:
        return True
    return any(right_for(r, locale.pk)[0] for r in group_rights(user).values())


def _translation_locations(page, locale):
    """Paths where a translation of ``page`` into ``locale`` sits or would be made: the
    source itself, its translation (or alias) in that language, else its nearest ancestor's."""
    keys = [page.translation_key] + list(
        page.get_ancestors().filter(depth__gt=1).values_list("translation_key", flat=True)
    )
    paths = [page.path]
    paths += Page.objects.filter(translation_key__in=keys, locale=locale).values_list(
        "path", flat=True
    )
    return paths


def may_translate(user, obj, locale):
    """Whether the user may translate ``obj`` (page or snippet) into ``locale``.

    Pages: a group of the user has a right for that language (or every language) and page
    permissions ("change") where the translation sits or on the source: a translator group
    on its language's home page, coordinators on their region in any language. Snippets:
    a right for that language and the model's "change" permission.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if locale.pk == obj.locale_id:
        return False
    rights = group_rights(user)
    groups = {gid for gid, r in rights.items() if right_for(r, locale.pk)[0]}
    if not groups:
        return False
    if isinstance(obj, Page):
        perms = [
            perm
            for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
            if perm.group_id in groups and perm.permission.codename == "change_page"
        ]
        if not perms:
            return False
        paths = _translation_locations(obj, locale)
        return any(path.startswith(perm.page.path) for path in paths for perm in perms)
    codename = f"change_{obj._meta.model_name}"
    return Permission.objects.filter(
        group__in=groups, content_type__app_label=obj._meta.app_label, codename=codename
    ).exists()


def translatable_locales(user, obj, locales):
    """The locales of ``locales`` the user may translate ``obj`` into."""
    return [locale for locale in locales if may_translate(user, obj, locale)]


# --- Pages -------------------------------------------------------------------------------


class SitePagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, with the translation rules of this module.

    ``permissions`` are what the user may do to the page: a translator group counts for
    editing and publishing in its language only; any group counts on a translation only
    with a right for its language (publishing, if that right publishes).
    ``structural_permissions`` leave translator groups out: creating, deleting, moving,
    unpublishing, reordering, copying and privacy take a group that edits in its own right.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            covering = [
                perm
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(perm.page.path)
            ]
            self.permissions, self.structural_permissions = self.actions_of(covering)

    def actions_of(self, perms):
        """(actions, structural actions) that these GroupPagePermissions give on the page."""
        rights = group_rights(self.user)
        actions, structural = set(), set()
        for perm in perms:
            action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
            group_rights_ = rights.get(perm.group_id, {})
            if is_translator_group(group_rights_):
                allowed, publishes = right_for(group_rights_, self.page.locale_id)
                if allowed and action in TRANSLATOR_ACTIONS:
                    if action != "publish" or publishes:
                        actions.add(action)
                continue
            if is_translation(self.page):
                allowed, publishes = right_for(group_rights_, self.page.locale_id)
                if not allowed or (action == "publish" and not publishes):
                    continue
            actions.add(action)
            structural.add(action)
        return actions, structural

    def _structural(self, check, *args, **kwargs):
        if not self.user.is_active or self.user.is_superuser:
            return check(*args, **kwargs)
        permissions, self.permissions = self.permissions, self.structural_permissions
        try:
            return check(*args, **kwargs)
        finally:
            self.permissions = permissions

    def can_add_subpage(self):
        return self._structural(super().can_add_subpage)

    def can_delete(self, ignore_bulk=False):
        return self._structural(super().can_delete, ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._structural(super().can_unpublish)

    def can_publish_subpage(self):
        return self._structural(super().can_publish_subpage)

    def can_reorder_children(self):
        return self._structural(super().can_reorder_children)

    def can_copy(self):
        return self._structural(super().can_edit)

    def can_set_view_restrictions(self):
        return self._structural(super().can_publish)


# --- Snippets ----------------------------------------------------------------------------


class TranslatableSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, with the translation rules on each object: editing a translation
    takes a right for its language; editing anything else takes the model permission from
    a group that is not a translator group (or from the user's own permissions)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, {action}, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if user.is_superuser:
            return True
        rights = group_rights(user)
        if is_translation(instance):
            return any(right_for(r, instance.locale_id)[0] for r in rights.values())
        translators = [gid for gid, r in rights.items() if is_translator_group(r)]
        return (
            Permission.objects.filter(
                content_type__app_label=self.app_label,
                codename__in=self._get_permission_codenames(actions),
            )
            .filter(Q(user=user) | (Q(group__user=user) & ~Q(group__in=translators)))
            .exists()
        )


def translatable_models():
    """Every concrete translatable model that is not a page (snippets and their children)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]
