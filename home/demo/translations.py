"""The demo's English version, made through wagtail-localize's translation records.

``translate_demo(demo)`` is a step of ``load_demo_content`` (registered in
``home/wagtail_hooks.py``). It synchronises the language trees (an English alias of every
French page), then translates every page and translatable snippet this run created (those
of other apps' demo steps too: it runs last) with the texts of ``english`` and those the
apps give through ``DEMO_TEXTS_HOOK``, through wagtail-localize's source, translation and
string-translation records: each English page stays linked to its French source, shows in
the translators' editor and is marked out of date when the source changes. Idempotent: what
is already translated is left alone. The pages of ``english.LEFT_UNTRANSLATED`` keep their
alias, to show the fallback notice.
"""

from wagtail import hooks
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core import i18n
from core.hooks import DEMO_TEXTS_HOOK

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


def _untranslated_snippets(demo, locale):
    """The snippets this run created (of every translatable snippet model), untranslated."""
    models = tuple(model for model in get_snippet_models() if issubclass(model, TranslatableMixin))
    for obj in demo.created:
        if isinstance(obj, models) and obj.locale_id == demo.home.locale_id:
            if not _is_translated(obj, locale):
                yield obj


def demo_texts():
    """The home demo's English texts and those every other app's demo step gives."""
    texts = dict(english.TEXTS)
    for app_texts in hooks.get_hooks(DEMO_TEXTS_HOOK):
        texts.update(app_texts())
    return texts


def translate_demo(demo):
    locales = i18n.sync_locales(sync_trees=False)
    locale = locales[english.LANGUAGE]
    home = demo.home
    kept = {home.url_path + path for path in english.LEFT_UNTRANSLATED}
    snippets = list(_untranslated_snippets(demo, locale))
    # The pages this run created (editors' pages are left to the translators).
    created = {obj.translation_key for obj in demo.created if isinstance(obj, Page)}
    pages = [
        page.specific
        for page in Page.objects.descendant_of(home, inclusive=True)
        .filter(locale=home.locale, alias_of__isnull=True, translation_key__in=created)
        .exclude(url_path__in=kept)
        .order_by("path")  # parents before their children
        if not _is_translated(page, locale)
    ]
    if not snippets and not pages:
        return  # Already translated: a second run changes nothing.

    # Every French page gets its English alias first, as editors' pages get on creation.
    i18n.sync_locales()
    texts = demo_texts()
    for snippet in snippets:
        demo.note(i18n.translate(snippet, english.LANGUAGE, texts))
        demo.log(f"  + English {snippet._meta.verbose_name}: {snippet}")
    for page in pages:
        normalise_list_blocks(page)
        demo.note(i18n.translate(page, english.LANGUAGE, texts))
        demo.log(f"  + English translation: {page.title}")


def reset_url_paths(page, parent):
    """``url_path`` of a subtree made again from its slugs (as Wagtail's ``set_url_paths``
    does for the whole tree)."""
    page.set_url_path(parent)
    page.save(update_fields=["url_path"])
    for child in page.get_children():
        reset_url_paths(child, page)
