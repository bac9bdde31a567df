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
from wagtail.models import Locale, Page

from home import i18n
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
    i18n.sync_locales()
    locale = Locale.objects.get(language_code=english.LANGUAGE)
    home = demo.home or Page.objects.get(depth=2, locale__language_code="fr").specific

    for email in english.PRESS_CONTACTS:
        contact = PressContact.objects.filter(email=email, locale=home.locale).first()
        if contact is not None and not _is_translated(contact, locale):
            demo.note(i18n.translate(contact, english.LANGUAGE, english.TEXTS))
            demo.log(f"  + English press contact: {contact.name}")

    for path in english.PAGES:
        page = Page.objects.filter(url_path=home.url_path + path).first()
        if page is None or _is_translated(page, locale):
            continue
        page = page.specific
        normalise_list_blocks(page)
        demo.note(i18n.translate(page, english.LANGUAGE, english.TEXTS))
        demo.log(f"  + English translation: {page.title}")
