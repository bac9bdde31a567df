"""The site's languages: locales from settings, untranslated pages, translation upkeep.

French is the source language; every other language gets a Locale and wagtail-localize's
tree synchronisation (untranslated pages are aliases of the French ones, left out of
listings by ``real_translation_q``); publishing a source refreshes its translations
(docs/architecture.md, "Languages").
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

logger = logging.getLogger(__name__)


# --- Languages and locales -----------------------------------------------------------


def content_language_codes():
    """Codes of the site's content languages, the default (French) first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = settings.LANGUAGE_CODE
    return [default] + [code for code in codes if code != default]


def sync_locales(sync_trees=True):
    """Make the Locale rows and tree synchronisations match the settings. Idempotent.

    Every content language gets a Locale; every language but the default one is
    synchronised from the default locale, so untranslated pages appear as aliases.
    Locales of languages removed from the settings are left alone (pages may use them).
    """
    codes = content_language_codes()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    source = locales[codes[0]]
    synced = set(
        LocaleSynchronization.objects.filter(locale__in=locales.values()).values_list(
            "locale_id", flat=True
        )
    )
    # bulk_create: no post_save, so the trees are synchronised below, once, if asked.
    added = [locales[code] for code in codes[1:] if locales[code].pk not in synced]
    LocaleSynchronization.objects.bulk_create(
        [LocaleSynchronization(locale=locale, sync_from=source) for locale in added]
    )
    if sync_trees:
        syncs = LocaleSynchronization.objects.filter(locale__in=locales.values())
        for sync in syncs.select_related("locale", "sync_from"):
            alias_missing_pages(sync.sync_from, sync.locale)
    return locales


def alias_missing_pages(source, target):
    """What wagtail-localize's ``synchronize_tree`` does, in one query when nothing is
    missing: an alias in ``target`` of each page of ``source`` that has no page there.

    ``synchronize_tree`` reads every page's translations one query at a time (about 25
    minutes at 100,000 pages, on every ``migrate``); this asks the database which
    translation keys are missing. Pages made through the admin are aliased at once by
    wagtail-localize; the others (imports, proposals, scripts) here, at the next migrate.
    """
    in_target = Page.objects.filter(locale=target).values("translation_key")
    originals = Page.objects.filter(alias_of__isnull=True, depth__gt=1).values("translation_key")
    missing = (
        Page.objects.filter(locale=source, depth__gt=1, translation_key__in=originals)
        .exclude(translation_key__in=in_target)
        .order_by("path")
    )
    for page in missing.specific():
        # Copying a page's parents first may have made this one's alias already.
        if not Page.objects.filter(translation_key=page.translation_key, locale=target).exists():
            page.copy_for_translation(target, copy_parents=True, alias=True)


def site_exists():
    """Whether a home page of the site exists (not Wagtail's plain welcome page alone)."""
    return Page.objects.filter(depth=2).exclude(content_type__app_label="wagtailcore").exists()


def sync_locales_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler (connected for this app: once per migrate or flush)."""
    if using != DEFAULT_DB_ALIAS:
        return
    try:
        sync_locales(sync_trees=site_exists())
    except DatabaseError:  # A partial migrate (wagtail-localize not yet migrated).
        logger.warning("Locales not synchronised: run migrate to the end.")


# --- Real translations and aliases ---------------------------------------------------


def real_translation_q(prefix=""):
    """Q: a page that is its language's own content, not an alias of another language's.

    An alias made by tree synchronisation lives in a locale but shows the content of its
    source, in the source's language. ``prefix`` targets a related page (``"page__"``).
    """
    return Q(**{f"{prefix}alias_of__isnull": True}) | Q(
        **{f"{prefix}alias_of__locale": F(f"{prefix}locale")}
    )


def is_untranslated(page):
    """True when the page is an alias showing another language's content."""
    return bool(foreign_language(page))


def foreign_language(page):
    """The language code of what an untranslated page shows (its alias source's), else "".

    Reads ``alias_of__locale``: select it with the page to spare two queries.
    """
    if page is None or not getattr(page, "alias_of_id", None):
        return ""
    source = page.alias_of
    if source is None or source.locale_id == page.locale_id:
        return ""
    return source.locale.language_code


def source_locale(page):
    """The locale of the content a page shows: its own, or its alias source's."""
    if getattr(page, "alias_of_id", None):
        source = page.alias_of
        if source is not None and source.locale_id != page.locale_id:
            return source.locale
    return page.locale


def live_translations(page, inclusive=True):
    """The page's real, live, public translations (itself included), by language code."""
    if page is None or not page.translation_key:
        return {}
    pages = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .filter(real_translation_q())
        .select_related("locale")
    )
    if not inclusive:
        pages = pages.exclude(pk=page.pk)
    return {p.locale.language_code: p for p in pages}


# --- Keeping translations in step with their source ----------------------------------


def _copy_synchronised_fields(source, target):
    """Copy the fields declared synchronised (not the translated ones) onto ``target``.

    Child objects that are translated (milestones, contacts, press kit items) are matched
    by translation key and get their own synchronised fields (date, status, e-mail,
    document); added or removed children need the translator, as the new strings do.
    """
    changed = False
    for field_def in get_translatable_fields(source.__class__):
        field = field_def.get_field(source.__class__)
        is_child = isinstance(field, models.ManyToOneRel) and isinstance(
            field.remote_field, ParentalKey
        )
        if isinstance(field_def, SynchronizedField) and field_def.is_synchronized(source):
            if is_child:
                source.copy_child_relation(field.name, target)
                changed = True
            elif isinstance(field, ParentalManyToManyField):
                values = list(getattr(source, field.name).all())
                if set(values) != set(getattr(target, field.name).all()):
                    setattr(target, field.name, values)
                    changed = True
            elif getattr(target, field.attname) != getattr(source, field.attname):
                setattr(target, field.attname, getattr(source, field.attname))
                changed = True
        elif is_child and issubclass(field.related_model, TranslatableMixin):
            targets = {c.translation_key: c for c in getattr(target, field.name).all()}
            for child in getattr(source, field.name).all():
                if child.translation_key in targets:
                    changed |= _copy_synchronised_fields(child, targets[child.translation_key])
    return changed


def untranslated_counts(source, locale_ids):
    """{locale id: how many of the source's strings have no (valid) translation there}."""
    segments = StringSegment.objects.filter(source=source)
    return {
        locale_id: segments.exclude(
            Exists(
                StringTranslation.objects.filter(
                    translation_of=OuterRef("string_id"),
                    context=OuterRef("context_id"),
                    locale_id=locale_id,
                    has_error=False,
                )
            )
        ).count()
        for locale_id in locale_ids
    }


def refresh_source(source):
    """Read the source object again into its translation source, and note when each of its
    translations falls behind (strings it has no translation of appear) or catches up."""
    outdated = apps.get_model("core", "OutdatedTranslation")  # core.models imports this module
    translations = list(source.translations.filter(enabled=True))
    locale_ids = [t.target_locale_id for t in translations]
    before = untranslated_counts(source, locale_ids)
    source.update_from_db()
    after = untranslated_counts(source, locale_ids)
    now = timezone.now()
    for translation in translations:
        locale_id = translation.target_locale_id
        if not after[locale_id]:
            outdated.objects.filter(translation=translation).delete()
        elif not before[locale_id]:
            outdated.objects.update_or_create(translation=translation, defaults={"since": now})
    return after


def update_translations(instance):
    """After the source of translations was saved or published: refresh, then sync.

    Does nothing for an object that was never submitted for translation.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return
    refresh_source(source)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = source.get_translated_instance(translation.target_locale)
        except models.ObjectDoesNotExist:
            continue
        if isinstance(target, Page):
            _sync_page(instance, target.specific)
        elif _copy_synchronised_fields(instance, target):
            target.save()


def _sync_page(source, target):
    if target.alias_of_id:  # Wagtail keeps aliases in step itself.
        return
    has_draft = target.has_unpublished_changes
    draft = target.get_latest_revision_as_object() if has_draft else target
    if not _copy_synchronised_fields(source, draft):
        return
    revision = draft.save_revision(log_action="wagtail.edit", clean=False)
    if target.live and not has_draft:
        revision.publish()


def forget_caught_up(instance):
    """A translation just published: no longer out of date once every string is translated."""
    outdated = apps.get_model("core", "OutdatedTranslation")
    for record in outdated.objects.filter(
        translation__source__object_id=instance.translation_key,
        translation__target_locale_id=instance.locale_id,
    ).select_related("translation__source"):
        translation = record.translation
        if not untranslated_counts(translation.source, [translation.target_locale_id])[
            translation.target_locale_id
        ]:
            record.delete()


def on_page_published(sender, instance, **kwargs):
    update_translations(instance)
    forget_caught_up(instance)


def on_snippet_saved(sender, instance, created=False, raw=False, **kwargs):
    """post_save of any model: a translatable snippet's translations follow its changes."""
    if raw or created or not issubclass(sender, TranslatableMixin):
        return
    if sender in get_snippet_models():
        update_translations(instance)


# --- Translating through wagtail-localize's records ----------------------------------


def translate(instance, language_code, texts, publish=True):
    """Translate a page or snippet as a translator would in wagtail-localize's editor.

    ``texts`` maps a segment's field path (``"title"``, ``"slug"``, ``"intro"``) or its
    French text to the translation. The source, translation and string-translation
    records are created or updated, then the target is saved (and published): it stays
    linked to its source, and strings left out keep the source text. Idempotent.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = texts.get(segment.context.path, texts.get(segment.string.data))
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
            },
        )
    translation.save_target(publish=publish)
    return translation
