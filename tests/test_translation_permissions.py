"""Translators per language, through the real admin and wagtail-localize's own views.

The matrix: {English translator, coordinator of A (without, then with the national team's
grant), national team, press} × {translate a French page into English, publish the English
translation, edit the French source, translate into a third language, sync, upload a PO
file, edit another region's English page}. Each cell is one real request, in a savepoint
rolled back afterwards; a refused request must leave the database (pages, revisions,
translation records) exactly as it was.
"""

import copy
from types import SimpleNamespace

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from core import i18n
from core.models import TranslationPermission
from news.models import NewsPage
from tests.factories import NewsPageFactory, UserFactory
from tests.helpers import is_refusal, news_form, rolled_back, snapshot
from translation.provisioning import sync_translators

pytestmark = [pytest.mark.region_provisioning]

LANGUAGES = [("fr", "Français"), ("en", "English"), ("de", "Deutsch")]
EXTRA_LANGUAGE = override_settings(LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES)


@pytest.fixture(scope="module", autouse=True)
def _third_language():
    """German joins the site's languages, as EXTRA_LANGUAGES=de would make it."""
    with EXTRA_LANGUAGE:
        yield


@pytest.fixture(scope="module")
def _module_matrix(_module_world, django_db_blocker, _third_language):
    with rolled_back(django_db_blocker):
        w = copy.deepcopy(_module_world)
        de = Locale.objects.get_or_create(language_code="de")[0]
        sync_translators()
        region_a, region_b = w.pages["fr"]["region_a"], w.pages["fr"]["region_b"]
        untranslated = NewsPageFactory(parent=region_a, title="Actu à traduire")
        translated = NewsPageFactory(parent=region_a, title="Actu traduite")
        other = NewsPageFactory(parent=region_b, title="Actu occitane traduite")
        en_of = {}
        for page, english in ((translated, "Translated news"), (other, "Occitan news")):
            i18n.translate(page, "en", {"title": english})
            en_of[page.pk] = NewsPage.objects.get(translation_key=page.translation_key, locale=w.en)
        i18n.translate(translated, "de", {"title": "Übersetzte Nachricht"})
        users = {
            "en_translator": UserFactory(username="trad-en", groups=["Traduction EN"]),
            "coord_a": w.users["coord_a"],
            "coord_a_granted": w.users["coord_a"],
            "national": w.users["national"],
            "press": w.users["press"],
        }
        yield SimpleNamespace(
            world=w,
            de=de,
            untranslated=untranslated,
            translated=translated,
            translated_en=en_of[translated.pk],
            other_en=en_of[other.pk],
            users=users,
        )


@pytest.fixture
def m(_module_matrix, db):
    return copy.deepcopy(_module_matrix)


def translation_into(page, language_code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language_code
    )


def full_snapshot():
    """The admin's snapshot plus wagtail-localize's records."""
    state = snapshot()
    state.update(
        sources=list(TranslationSource.objects.order_by("pk").values_list("pk", "content_json")),
        translations=list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        strings=list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data", "locale_id")
        ),
        logs=TranslationLog.objects.count(),
    )
    return state


# --- The actions: each makes its request and says whether the action took place. ----------


def translate_into_english(client, m):
    page = m.untranslated
    en = m.world.en
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [en.pk]}
    )
    done = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=en, enabled=True
    ).exists()
    return response, done


def revise_english_title(m):
    """A translator revised the title in the editor; it is not published yet."""
    translation = translation_into(m.translated, "en")
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=m.world.en
    ).update(data="Translated news, revised")


def publish_english_translation(client, m):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[m.translated_en.pk]), {"action": "publish"}
    )
    published = Page.objects.get(pk=m.translated_en.pk).title == "Translated news, revised"
    return response, published


# Before the snapshot: a refusal must leave the page and the records as they were.
publish_english_translation.prepare = revise_english_title


def edit_french_source(client, m):
    page = m.translated
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), news_form("Titre revu", page.slug)
    )
    return response, Page.objects.get(pk=page.pk).draft_title == "Titre revu"


def translate_into_german(client, m):
    page = m.untranslated
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [m.de.pk]},
    )
    done = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=m.de
    ).exists()
    return response, done


def sync(client, m):
    source = translation_into(m.translated, "en").source
    logs = {
        code: TranslationLog.objects.filter(source=source, locale__language_code=code).count()
        for code in ("en", "de")
    }
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    after = {
        code: TranslationLog.objects.filter(source=source, locale__language_code=code).count()
        for code in ("en", "de")
    }
    synced = after["en"] == logs["en"] + 1
    # An English translator's sync publishes the English translation only.
    if synced and not m.may_translate_everything:
        assert after["de"] == logs["de"], "the German translation was published too"
    return response, synced


def upload_po_file(client, m):
    translation = translation_into(m.translated, "en")
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        if entry.msgctxt == "title":
            entry.msgstr = "Title from a PO file"
    upload = SimpleUploadedFile("news.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    done = StringTranslation.objects.filter(locale=m.world.en, data="Title from a PO file").exists()
    return response, done


def edit_other_regions_english_page(client, m):
    translation = translation_into(m.other_en, "en")
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        "value=Occitan+news%2C+retold",
        content_type="application/x-www-form-urlencoded",
    )
    done = StringTranslation.objects.filter(
        translation_of=segment.string, locale=m.world.en, data="Occitan news, retold"
    ).exists()
    return response, done


ACTIONS = {
    "translate a French page into English": translate_into_english,
    "publish the English translation": publish_english_translation,
    "edit the French source": edit_french_source,
    "translate into a third language": translate_into_german,
    "sync the translations": sync,
    "upload a PO file": upload_po_file,
    "edit another region's English page": edit_other_regions_english_page,
}

Y, N = True, False
# role:               toEN  pubEN editFR toDE  sync  PO    otherEN
MATRIX = {
    "en_translator":   [Y,    Y,    N,     N,    Y,    Y,    Y],
    "coord_a":         [N,    N,    Y,     N,    N,    N,    N],
    "coord_a_granted": [Y,    Y,    Y,     Y,    Y,    Y,    N],
    "national":        [Y,    Y,    Y,     Y,    Y,    Y,    Y],
    "press":           [N,    N,    N,     N,    N,    N,    N],
}  # fmt: skip


def grant_region_a(m):
    group = m.users["coord_a"].groups.get(name__startswith="Coordination")
    TranslationPermission.objects.create(group=group, locale=None)


@pytest.mark.parametrize("role", MATRIX)
def test_translator_matrix(client, m, role):
    user = m.users[role]
    m.may_translate_everything = role in ("national", "coord_a_granted")
    mismatches = []
    for (name, action), allowed in zip(ACTIONS.items(), MATRIX[role], strict=True):
        with transaction.atomic():
            if role == "coord_a_granted":
                grant_region_a(m)
            client.logout()
            user = type(user).objects.get(pk=user.pk)  # no permission cache from a former cell
            client.force_login(user)
            if hasattr(action, "prepare"):
                action.prepare(m)
            before = full_snapshot()
            response, happened = action(client, m)
            if happened != allowed:
                mismatches.append(
                    f"{role}: {name}: expected {'allowed' if allowed else 'refused'}, got "
                    f"{response.status_code} {response.get('Location', '')}"
                )
            elif not allowed:
                if full_snapshot() != before:
                    mismatches.append(f"{role}: {name}: refused but changed the database")
                if not (is_refusal(response) or response.status_code == 200):
                    mismatches.append(f"{role}: {name}: answered {response.status_code}")
            transaction.set_rollback(True)
    assert not mismatches, "\n".join(mismatches)


def test_every_translation_view_of_wagtail_localize_is_checked():
    """Every wagtail-localize address that reads or writes a translation reaches a view of
    this project's (or one that checks page permissions itself): an upgrade that adds a
    view fails here until it is routed."""
    from django.urls import get_resolver

    from translation.wagtail_hooks import LOCALIZE_OVERRIDES

    overridden = {f"localize/{route}" for route, _view in LOCALIZE_OVERRIDES}
    # Checked by wagtail-localize itself with the page's permission tester (can_edit),
    # which carries the translation rules; the JavaScript catalogue reads nothing.
    checked_by_page_permissions = {"localize/page/<int:page_id>/convert_to_alias/"}
    harmless = {"localize/jsi18n/"}

    def routes(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                yield from routes(pattern, route)
            else:
                yield route, pattern

    localize = [
        (route.removeprefix("admin/"), pattern)
        for route, pattern in routes(get_resolver())
        if route.startswith("admin/localize/")
    ]
    assert localize
    first = {}
    for route, pattern in localize:
        first.setdefault(route, pattern)
    missing = sorted(
        route for route in first if route not in overridden | checked_by_page_permissions | harmless
    )
    assert not missing, missing
    for route in overridden:
        view = first[route].callback
        view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
        assert getattr(view, "translation_rights", False) or (
            view_class is not None and view_class.__module__ == "translation.views"
        ), route
