"""How up to date each translation is: every translatable page and snippet, per language.

``freshness_rows(user)`` answers, for each source (the default language's pages of every
type, and every translatable snippet) and each language the user sees: not translated,
translated outside wagtail-localize's records, out of date (how many strings of the source
have no translation, since when), waiting for review (translated strings not yet published
or a review workflow in progress), or up to date. A fixed number of queries, whatever the
number of pages: the report, its dashboard panel and the weekly digest read it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from core import tree
from core.i18n import content_language_codes, real_translation_q
from core.permissions import group_rights, is_translator_group
from translation.provisioning import translatable_snippet_models

MISSING = "missing"
UNSYNCED = "unsynced"
OUTDATED = "outdated"
REVIEW = "review"
CURRENT = "current"

STATUS_LABELS = {
    OUTDATED: _("Out of date"),
    REVIEW: _("Waiting for review"),
    MISSING: _("Not translated"),
    UNSYNCED: _("Translated, not kept in step"),
    CURRENT: _("Up to date"),
}
#: Report order: what needs a translator first.
STATUS_ORDER = [OUTDATED, REVIEW, MISSING, UNSYNCED, CURRENT]


@dataclass
class Row:
    kind: str  # "page" or "app_label.model_name"
    type_label: str
    title: str
    source_pk: int
    translation_key: object
    locale: Locale
    status: str
    region: str = ""
    target_pk: int | None = None
    untranslated: int = 0
    since: datetime | None = None
    extra: dict = field(default_factory=dict)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def is_page(self):
        return self.kind == "page"

    @cached_property
    def source_url(self):
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[self.source_pk])
        app_label, model_name = self.kind.split(".")
        return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[self.source_pk])

    @cached_property
    def translation_url(self):
        """The translation's editor, or the form that starts it."""
        if self.status != MISSING and self.target_pk:
            if self.is_page:
                return reverse("wagtailadmin_pages:edit", args=[self.target_pk])
            app_label, model_name = self.kind.split(".")
            return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[self.target_pk])
        if self.is_page:
            url = reverse("wagtail_localize:submit_page_translation", args=[self.source_pk])
        else:
            app_label, model_name = self.kind.split(".")
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[app_label, model_name, self.source_pk],
            )
        return f"{url}?select_locale={self.locale.language_code}"


# --- Who sees what ----------------------------------------------------------------------------


class Scope:
    """The languages a user sees, and the sources seen in each: every source in a language
    the user translates (a translator group's, or every language for the national team),
    else the pages (and snippet types) the user edits in their own right (a coordinator's
    region, the press room)."""

    def __init__(self, user):
        self.user = user
        self.default = Locale.get_default()
        codes = content_language_codes()[1:]
        all_locales = list(Locale.objects.filter(language_code__in=codes))
        all_locales.sort(key=lambda locale: codes.index(locale.language_code))
        rights = group_rights(user) if not user.is_superuser else {None: {None: True}}
        self.translates_all = user.is_superuser or any(
            None in r for r in rights.values() if not is_translator_group(r)
        )
        translator_locales = {
            locale_id for r in rights.values() if is_translator_group(r) for locale_id in r
        }
        self.edit_paths = self._edit_paths()
        if self.translates_all or self.edit_paths:
            self.locales = all_locales
        else:
            self.locales = [locale for locale in all_locales if locale.pk in translator_locales]
        self.full_locales = {
            locale.pk
            for locale in self.locales
            if self.translates_all or locale.pk in translator_locales
        }

    def _edit_paths(self):
        if self.user.is_superuser:
            return ["0"]
        rights = group_rights(self.user)
        return sorted(
            {
                perm.page.path
                for perm in PagePermissionPolicy().get_cached_permissions_for_user(self.user)
                if not is_translator_group(rights.get(perm.group_id, {}))
                and perm.permission.codename in ("add_page", "change_page", "publish_page")
            }
        )

    @property
    def visible(self):
        return bool(self.locales)

    def page_filter(self, locale):
        if locale.pk in self.full_locales:
            return Q()
        condition = Q(pk__in=[])
        for path in self.edit_paths:
            condition |= Q(path__startswith=path)
        return condition

    def sees_snippets(self, model, locale):
        if locale.pk in self.full_locales:
            return True
        return self.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


# --- The rows ---------------------------------------------------------------------------------


def _status(target_exists, translation, untranslated, edited_after, in_review):
    if not target_exists:
        return MISSING
    if translation is None:
        return UNSYNCED
    if untranslated:
        return OUTDATED
    if in_review or edited_after:
        return REVIEW
    return CURRENT


class _Records:
    """wagtail-localize's records for the default language's sources into some locales."""

    def __init__(self, default, locales):
        locale_ids = [locale.pk for locale in locales]
        self.translations = {
            (row["source__object_id"], row["target_locale_id"]): row
            for row in Translation.objects.filter(
                source__locale=default, target_locale_id__in=locale_ids, enabled=True
            ).values(
                "id",
                "source_id",
                "source__object_id",
                "target_locale_id",
                "created_at",
                "outdated__since",
            )
        }
        self.untranslated = {}
        for locale_id in locale_ids:
            counts = (
                StringSegment.objects.filter(
                    source__locale=default,
                    source__translations__target_locale_id=locale_id,
                    source__translations__enabled=True,
                )
                .exclude(
                    Exists(
                        StringTranslation.objects.filter(
                            translation_of=OuterRef("string_id"),
                            context=OuterRef("context_id"),
                            locale_id=locale_id,
                            has_error=False,
                        )
                    )
                )
                .values("source_id")
                .annotate(n=Count("id"))
            )
            for row in counts:
                self.untranslated[(row["source_id"], locale_id)] = row["n"]
        self.last_edit = {
            (row["context__object_id"], row["locale_id"]): row["last"]
            for row in StringTranslation.objects.filter(locale_id__in=locale_ids)
            .values("context__object_id", "locale_id")
            .annotate(last=Max("updated_at"))
        }
        self.last_applied = {
            (row["source_id"], row["locale_id"]): row["last"]
            for row in TranslationLog.objects.filter(locale_id__in=locale_ids)
            .values("source_id", "locale_id")
            .annotate(last=Max("created_at"))
        }

    def status_of(self, key, locale_id, target_exists, has_draft=False, in_review=False):
        translation = self.translations.get((key, locale_id))
        untranslated, since, edited_after = 0, None, False
        if translation is not None:
            untranslated = self.untranslated.get((translation["source_id"], locale_id), 0)
            edit = self.last_edit.get((key, locale_id))
            applied = self.last_applied.get((translation["source_id"], locale_id))
            edited_after = bool(edit and (applied is None or edit > applied))
            if untranslated:
                since = translation["outdated__since"] or translation["created_at"]
            elif edited_after:
                since = edit
        status = _status(
            target_exists, translation, untranslated, edited_after or has_draft, in_review
        )
        return status, untranslated, since


def _page_rows(scope, records):
    default = scope.default
    region_depth_length = tree.REGION_DEPTH * Page.steplen
    regions = dict(tree.region_pages().filter(locale=default).values_list("path", "title"))
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
    )
    sources = list(
        Page.objects.filter(locale=default, depth__gt=1)
        .filter(real_translation_q())
        .order_by("path")
        .values("id", "title", "path", "depth", "content_type_id", "translation_key")
    )
    keys = Page.objects.filter(locale=default, depth__gt=1).values("translation_key")
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(locale__in=scope.locales, translation_key__in=keys).values(
            "id", "translation_key", "locale_id", "alias_of_id", "has_unpublished_changes"
        )
    }
    rows = []
    for locale in scope.locales:
        condition = scope.page_filter(locale)
        allowed = (
            None
            if not condition
            else set(
                Page.objects.filter(locale=default).filter(condition).values_list("id", flat=True)
            )
        )
        for source in sources:
            if allowed is not None and source["id"] not in allowed:
                continue
            target = targets.get((source["translation_key"], locale.pk))
            exists = target is not None and target["alias_of_id"] is None
            status, untranslated, since = records.status_of(
                source["translation_key"],
                locale.pk,
                exists,
                has_draft=bool(exists and target["has_unpublished_changes"]),
                in_review=bool(exists and str(target["id"]) in in_review),
            )
            model = ContentType.objects.get_for_id(source["content_type_id"]).model_class()
            rows.append(
                Row(
                    kind="page",
                    type_label=str(model._meta.verbose_name) if model else "",
                    title=source["title"],
                    source_pk=source["id"],
                    translation_key=source["translation_key"],
                    locale=locale,
                    status=status,
                    region=regions.get(source["path"][:region_depth_length], "")
                    if source["depth"] >= tree.REGION_DEPTH
                    else "",
                    target_pk=target["id"] if target else None,
                    untranslated=untranslated,
                    since=since,
                )
            )
    return rows


def _snippet_rows(scope, records):
    rows = []
    for model in translatable_snippet_models():
        locales = [locale for locale in scope.locales if scope.sees_snippets(model, locale)]
        if not locales:
            continue
        sources = list(model._default_manager.filter(locale=scope.default))
        targets = {
            (translation_key, locale_id): pk
            for pk, translation_key, locale_id in model._default_manager.filter(
                locale__in=locales,
                translation_key__in=[source.translation_key for source in sources],
            ).values_list("pk", "translation_key", "locale_id")
        }
        kind = f"{model._meta.app_label}.{model._meta.model_name}"
        for locale in locales:
            for source in sources:
                target_pk = targets.get((source.translation_key, locale.pk))
                status, untranslated, since = records.status_of(
                    source.translation_key, locale.pk, target_pk is not None
                )
                rows.append(
                    Row(
                        kind=kind,
                        type_label=str(model._meta.verbose_name),
                        title=str(source),
                        source_pk=source.pk,
                        translation_key=source.translation_key,
                        locale=locale,
                        status=status,
                        target_pk=target_pk,
                        untranslated=untranslated,
                        since=since,
                    )
                )
    return rows


def freshness_rows(user):
    """Every row the user sees, what needs a translator first."""
    scope = Scope(user)
    if not scope.visible:
        return []
    records = _Records(scope.default, scope.locales)
    rows = _page_rows(scope, records) + _snippet_rows(scope, records)
    rows.sort(key=lambda row: (STATUS_ORDER.index(row.status), row.locale.pk, row.title.lower()))
    return rows


def may_see_report(user):
    return user.is_active and Scope(user).visible


def counts(rows):
    """{language: {status: count}} in report order."""
    result = {}
    for row in rows:
        per_language = result.setdefault(row.locale, dict.fromkeys(STATUS_ORDER, 0))
        per_language[row.status] += 1
    return result
