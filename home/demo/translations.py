"""The demo's English version, made through wagtail-localize's translation records.

``translate_demo(demo)`` is a step of ``load_demo_content`` (registered in
``home/wagtail_hooks.py``). It synchronises the language trees (an English alias of every
French page), then translates every page of the demo tree (those other apps' demo steps
add too: it runs last) and every translatable snippet with the texts of ``english``,
through wagtail-localize's source, translation and string-translation records: each English page
stays linked to its French source, shows in the translators' editor and is marked out of
date when the source changes. Idempotent: what is already translated is left alone. The pages of
``english.LEFT_UNTRANSLATED`` keep their alias, to show the fallback notice.
"""

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core import i18n

from . import english


def normalise_list_blocks(page):
    """Store ListBlock items in Wagtail's block format (with ids), then publish.

    wagtail-localize only extracts the items of lists stored with ids: items written in
    the older plain-list format (key figures) would stay untranslatable.
    """
    changed = False
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        value = getattr(page, field.name)
        before = value.get_prep_value()
        rebuilt = StreamValue(
            value.stream_block, [(child.block_type, child.value, child.id) for child in value]
        )
        if rebuilt.get_prep_value() != before:
            setattr(page, field.name, rebuilt)
            changed = True
    if changed:
        page.save_revision().publish()
        page.refresh_from_db()
    return changed


def _is_translated(instance, locale):
    translation = instance.get_translation_or_none(locale)
    return translation is not None and not getattr(translation, "alias_of_id", None)


def _untranslated_snippets(source_locale, locale):
    """The demo's snippets (of every translatable snippet model) not yet translated: those
    with a text of ``english.TEXTS`` (editors' own snippets are left to the translators)."""
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            for snippet in model.objects.filter(locale=source_locale).order_by("pk"):
                fields = model._meta.concrete_fields
                texts = {getattr(snippet, field.attname) for field in fields}
                texts = {text for text in texts if isinstance(text, str)}
                if texts & english.TEXTS.keys() and not _is_translated(snippet, locale):
                    yield snippet


def translate_demo(demo):
    locales = i18n.sync_locales(sync_trees=False)
    locale = locales[english.LANGUAGE]
    home = demo.home
    kept = {home.url_path + path for path in english.LEFT_UNTRANSLATED}
    snippets = list(_untranslated_snippets(home.locale, locale))
    pages = [
        page.specific
        for page in Page.objects.descendant_of(home, inclusive=True)
        # The demo's pages have no owner; editors' pages are left to the translators.
        .filter(locale=home.locale, alias_of__isnull=True, owner__isnull=True)
        .exclude(url_path__in=kept)
        .order_by("path")  # parents before their children
        if not _is_translated(page, locale)
    ]
    if not snippets and not pages:
        return  # Already translated: a second run changes nothing.

    # Every French page gets its English alias first, as editors' pages get on creation.
    i18n.sync_locales()
    for snippet in snippets:
        demo.note(i18n.translate(snippet, english.LANGUAGE, english.TEXTS))
        demo.log(f"  + English {snippet._meta.verbose_name}: {snippet}")
    for page in pages:
        normalise_list_blocks(page)
        demo.note(i18n.translate(page, english.LANGUAGE, english.TEXTS))
        demo.log(f"  + English translation: {page.title}")
