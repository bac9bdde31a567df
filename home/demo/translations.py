"""The demo's English version, made through wagtail-localize's translation records.

``translate_demo(demo)`` is a step of ``load_demo_content`` (registered in
``home/wagtail_hooks.py``). It synchronises the language trees (an English alias of every
French page), then translates the pages and press contacts listed in ``english`` with
wagtail-localize's source, translation and string-translation records: each English page
stays linked to its French source, shows in the translators' editor and is marked out of
date when the source changes. Idempotent: what is already translated is left alone.
"""

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from core import i18n
from news.models import PressContact

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


def translate_demo(demo):
    locales = i18n.sync_locales(sync_trees=False)
    locale = locales[english.LANGUAGE]
    home = demo.home
    contacts = [
        contact
        for contact in PressContact.objects.filter(
            email__in=english.PRESS_CONTACTS, locale=home.locale
        )
        if not _is_translated(contact, locale)
    ]
    pages = [
        page.specific
        for page in Page.objects.filter(url_path__in=[home.url_path + p for p in english.PAGES])
        if not _is_translated(page, locale)
    ]
    if not contacts and not pages:
        return  # Already translated: a second run changes nothing.

    # Every French page gets its English alias first, as editors' pages get on creation.
    i18n.sync_locales()
    for contact in contacts:
        demo.note(i18n.translate(contact, english.LANGUAGE, english.TEXTS))
        demo.log(f"  + English press contact: {contact.name}")
    by_path = {page.url_path: page for page in pages}
    for path in english.PAGES:  # parents before their children
        page = by_path.get(home.url_path + path)
        if page is not None:
            normalise_list_blocks(page)
            demo.note(i18n.translate(page, english.LANGUAGE, english.TEXTS))
            demo.log(f"  + English translation: {page.title}")
