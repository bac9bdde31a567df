"""French and English (and any language added by configuration) everywhere.

The site is built in French (``build_site_tree``), the languages are synchronised as after a
``migrate`` (``sync_locales``: an English alias of every page), then part of it is
translated through wagtail-localize's records, as a translator would in its editor.
"""

import copy
import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from core import i18n
from core.models import Theme
from home.models import HomePage
from news.models import EventPage, NewsPage, PressContact
from tests.factories import EventPageFactory, NewsPageFactory, StandardPageFactory
from tests.helpers import rolled_back

# Indexed: the search answers in each language (the bilingual site is built once).
pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


# --- Helpers ---------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Start tags of a document with their attributes, and the text inside each."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(response, name, **attrs):
    parser = _Tags()
    parser.feed(response.content.decode())
    return [
        a for tag, a in parser.tags if tag == name and all(a.get(k) == v for k, v in attrs.items())
    ]


def html_attrs(response):
    return tags(response, "html")[0]


def alternates(response):
    return {
        a["hreflang"]: a["href"] for a in tags(response, "link", rel="alternate") if "hreflang" in a
    }


def switcher_links(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher on the page"
    parser = _Tags()
    parser.feed(nav.group(0))
    return {a["hreflang"]: a for tag, a in parser.tags if tag == "a"}


def en(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate through wagtail-localize's records and publish, as its editor does."""

    def _translate(instance, texts, language="en"):
        with django_capture_on_commit_callbacks(execute=True):
            translation = i18n.translate(instance, language, texts)
        return translation

    return _translate


def translate_now(instance, texts, language="en"):
    """``i18n.translate`` with what it leaves for after the commit done at once."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return i18n.translate(instance, language, texts)


@pytest.fixture
def bilingual(_module_bilingual, db):
    """The French site, its English tree synchronised, and the frame translated: built
    once for the module, a copy for each test."""
    return copy.deepcopy(_module_bilingual)


@pytest.fixture(scope="module")
def _module_bilingual(_module_site_tree, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_bilingual(copy.deepcopy(_module_site_tree), translate_now)


def build_bilingual(s, translate):
    s.news = NewsPageFactory(
        parent=s.news_index,
        title="Atelier sur la coopération",
        kind="article",
        themes=["cooperation"],
        intro="Un atelier pour coopérer.",
    )
    s.untranslated_news = NewsPageFactory(
        parent=s.news_index,
        title="Réunion non traduite",
        themes=["cooperation"],
        intro="Seulement en français.",
    )
    s.event = EventPageFactory(parent=s.agenda, title="Congrès national", themes=["training"])
    s.untranslated_event = EventPageFactory(
        parent=s.agenda, title="Rencontre régionale non traduite", days=20
    )
    i18n.sync_locales()

    translate(s.home, {"title": "Home", "slug": "home", "hero_title": "Doing business differently"})
    translate(s.chantier_index, {"title": "Chantiers", "slug": "chantiers"})
    translate(
        s.chantiers["training"],
        {"title": "Training chantier", "slug": "training"},
    )
    translate(s.region_index, {"title": "Regions", "slug": "regions"})
    translate(s.region_a, {"title": "Brittany", "slug": "brittany", "Coordinatrice": "Coordinator"})
    translate(s.news_index, {"title": "News", "slug": "news"})
    translate(s.agenda, {"title": "Events", "slug": "events"})
    translate(s.press_room, {"title": "Press room", "slug": "press-room"})
    translate(s.about, {"title": "About us", "slug": "about"})
    translate(
        s.roadmap,
        {
            "title": "National roadmap",
            "slug": "national-roadmap",
            "Congrès": "Congress",
            "Rencontres nationales": "National meetings",
        },
    )
    translate(
        s.news,
        {
            "title": "Workshop on cooperation",
            "slug": "workshop-on-cooperation",
            "intro": "A workshop to cooperate.",
        },
    )
    translate(
        s.event,
        {
            "title": "National congress",
            "slug": "national-congress",
            "intro": "Presentation of the national congress",
        },
    )
    for name in ("news", "untranslated_news", "event", "untranslated_event"):
        getattr(s, name).refresh_from_db()
    return s


# --- Locales follow the settings ---------------------------------------------------------------


def test_locales_and_tree_synchronisation_follow_the_settings(site_tree):
    i18n.sync_locales()
    i18n.sync_locales()  # idempotent
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"fr", "en"}
    french = Page.objects.filter(locale__language_code="fr", depth__gt=1).count()
    english = Page.objects.filter(locale__language_code="en").count()
    assert english == french


def test_migrate_on_a_synchronised_site_asks_once_what_is_missing(site_tree):
    """``migrate``'s handler aliases what has no page in English in one query when nothing
    is missing (wagtail-localize's ``synchronize_tree`` reads every page's translations, a
    query per page: over 15 minutes at 100,000 pages), and aliases a page made outside
    the admin (an import, a proposal), with its parents."""
    i18n.sync_locales()
    with CaptureQueriesContext(connection) as queries:
        i18n.sync_locales_after_migrate(sender=None)
    assert len(queries) < 10, [q["sql"][:80] for q in queries]
    parent = StandardPageFactory(parent=site_tree.home, title="Rubrique ajoutée")
    child = StandardPageFactory(parent=parent, title="Page ajoutée")
    english = Page.objects.filter(locale__language_code="en")
    assert not english.filter(translation_key=child.translation_key).exists()
    i18n.sync_locales_after_migrate(sender=None)
    alias = english.get(translation_key=child.translation_key)
    assert alias.alias_of_id == child.pk
    assert alias.get_parent().translation_key == parent.translation_key
    french = Page.objects.filter(locale__language_code="fr", depth__gt=1).count()
    assert english.count() == french


@override_settings(
    LANGUAGES=[("fr", "Français"), ("en", "English"), ("ar", "العربية")],
    WAGTAIL_CONTENT_LANGUAGES=[("fr", "Français"), ("en", "English"), ("ar", "العربية")],
)
def test_migrate_synchronises_the_tree_of_a_language_it_adds(site_tree):
    i18n.sync_locales_after_migrate(sender=None)
    french = Page.objects.filter(locale__language_code="fr", depth__gt=1).count()
    assert Page.objects.filter(locale__language_code="ar").count() == french


# --- Language negotiation at / ---------------------------------------------------------


NEGOTIATION = [
    ("en", "/en/"),
    ("en-GB,en;q=0.9,fr;q=0.5", "/en/"),
    ("fr-FR,fr;q=0.9", "/fr/"),
    ("de-DE,de;q=0.9", "/fr/"),
    (None, "/fr/"),
]


def test_root_sends_the_browser_to_its_language_french_otherwise(client, site_tree):
    for accept_language, expected in NEGOTIATION:
        headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
        response = client.get("/", **headers)
        assert response.status_code == 302, accept_language
        assert response["Location"] == expected, accept_language
        assert "Accept-Language" in response.get("Vary", "")


# --- Each page type in both languages ------------------------------------------------------


PAGE_NAMES = [
    "home",
    "chantier_index",
    "chantier",
    "region_index",
    "region_a",
    "news_index",
    "news",
    "agenda",
    "event",
    "press_room",
    "about",
    "roadmap",
]


def _page(site, name):
    return site.chantiers["training"] if name == "chantier" else getattr(site, name)


def test_each_page_type_in_french_and_english_with_lang_dir_hreflang_and_switcher(
    client, bilingual
):
    for name in PAGE_NAMES:
        french = _page(bilingual, name).specific
        english = en(french)
        assert english.alias_of_id is None, f"{name}: the English page is a real translation"
        fr_url, en_url = french.get_full_url(), english.get_full_url()
        assert "/fr/" in fr_url and "/en/" in en_url

        fr_response = client.get(french.url)
        en_response = client.get(english.url)
        assert fr_response.status_code == en_response.status_code == 200, name

        assert html_attrs(fr_response) == {"lang": "fr", "dir": "ltr"}, name
        assert html_attrs(en_response) == {"lang": "en", "dir": "ltr"}, name
        pair = {"fr": fr_url, "en": en_url, "x-default": fr_url}
        assert alternates(fr_response) == pair, name
        assert alternates(en_response) == pair, name
        assert english.title in en_response.content.decode(), name
        # Translated content is in its own language: no notice, no lang override.
        assert "data-untranslated" not in en_response.content.decode(), name
        assert tags(en_response, "main")[0].get("lang") is None, name

        # The switcher leads to the same page in the other language.
        links = switcher_links(fr_response)
        assert links["en"]["href"] == english.url, name
        assert links["en"]["lang"] == "en"
        assert links["fr"]["aria-current"] == "true"
        links = switcher_links(en_response)
        assert links["fr"]["href"] == french.url, name
        assert links["fr"]["lang"] == "fr"
        assert links["en"]["aria-current"] == "true"


# --- Untranslated pages ----------------------------------------------------------------


def test_an_untranslated_page_shows_the_french_page_with_a_notice(client, bilingual):
    french = bilingual.region_b
    english = en(french)
    assert english.alias_of_id == french.pk  # wagtail-localize's synchronised tree

    response = client.get(english.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html_attrs(response)["lang"] == "en"
    main = tags(response, "main")[0]
    assert main["lang"] == "fr"
    notice = tags(response, "div", role="note")[0]
    assert notice["lang"] == "en"
    assert "This page has not been translated into English yet" in html
    assert "Occitanie" in html
    # Not announced as an English alternate, here or on the French page.
    assert alternates(response) == {}
    french_response = client.get(french.url)
    assert alternates(french_response) == {}
    # The switcher of the French page leads to the English home page, and says so.
    assert switcher_links(french_response)["en"]["href"] == "/en/"
    assert "cette page n'est pas traduite" in french_response.content.decode()


def test_links_to_untranslated_pages_say_their_titles_are_french(client, bilingual):
    """Menu, footer and breadcrumb links whose title is French carry ``lang="fr"``."""
    from home.models import StandardPage

    StandardPageFactory(
        parent=bilingual.home,
        title="Adhérer",
        slug="adherer",
        show_in_menus=True,
        show_in_footer=True,
    )
    i18n.sync_locales()
    english_home = en(bilingual.home)
    response = client.get(english_home.url)
    links = {a["href"]: a for a in tags(response, "a")}
    joining = en(StandardPage.objects.get(slug="adherer", locale__language_code="fr"))
    assert joining.alias_of_id, "the English page is an alias of the French one"
    assert links[joining.url]["lang"] == "fr"
    # The main menu, the footer's copy of the menu, the footer's pages.
    assert response.content.decode().count(f'href="{joining.url}" lang="fr"') == 3
    # Translated pages' links carry no lang of their own: they are in English.
    assert "lang" not in links[en(bilingual.about).url]

    # The breadcrumb of an untranslated region: its own title is French, its parents English.
    region = client.get(en(bilingual.region_b).url)
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', region.content.decode(), re.S).group(0)
    assert '<span aria-current="page" lang="fr">Occitanie</span>' in crumbs
    assert f'href="{en(bilingual.region_index).url}">Regions</a>' in crumbs


# --- A source edit ---------------------------------------------------------------------


def test_a_source_edit_marks_the_translation_out_of_date_and_syncs_fields(
    client, bilingual, admin_client
):
    news = bilingual.news
    english = en(news)
    source = TranslationSource.objects.get_for_instance(news)
    translation = Translation.objects.get(source=source, target_locale=english.locale)
    with override("en"):
        assert str(translation.get_status_display()) == "Up to date"

    draft = news.get_latest_revision_as_object()
    draft.intro = "Un atelier pour coopérer entre entrepreneurs sociaux."
    draft.date = datetime.date(2026, 3, 2)
    draft.kind = "press_release"
    draft.themes = Theme.objects.filter(code="impact")
    draft.save_revision().publish()

    translation.refresh_from_db()
    with override("en"):
        assert str(translation.get_status_display()) == "Waiting for translations"
    total, translated = translation.get_progress()
    assert translated == total - 1  # only the changed introduction needs the translator

    english.refresh_from_db()
    # Synchronised fields followed the source, translated text is left as it was.
    assert english.date == datetime.date(2026, 3, 2)
    assert english.kind == "press_release"
    assert [t.code for t in english.themes.all()] == ["impact"]
    assert english.intro == "A workshop to cooperate."
    assert english.live and not english.has_unpublished_changes

    # The translator's editor shows what changed: the new French text, to translate.
    response = admin_client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    editor = tags(response, "div", **{"class": "js-translation-editor"})[0]
    props = json.loads(editor["data-props"])
    segments = {seg["source"]: seg["id"] for seg in props["segments"] if seg["type"] == "string"}
    done = {t["segment_id"]: t["data"] for t in props["initialStringTranslations"]}
    new_intro = "Un atelier pour coopérer entre entrepreneurs sociaux."
    assert segments[new_intro] not in done  # to translate
    assert done[segments["Atelier sur la coopération"]] == "Workshop on cooperation"


def test_a_snippet_translation_follows_its_source(bilingual, translate):
    contact = PressContact.objects.create(
        name="Claire Presse",
        role="Chargée de presse",
        email="presse@example.org",
        phone="01 02 03 04 05",
        locale=bilingual.locale,
    )
    translate(contact, {"role": "Press officer"})
    english = contact.get_translation(Locale.objects.get(language_code="en"))
    assert (english.name, english.role) == ("Claire Presse", "Press officer")

    contact.email = "medias@example.org"
    contact.phone = "09 08 07 06 05"
    contact.save()
    english.refresh_from_db()
    assert (english.email, english.phone, english.role) == (
        "medias@example.org",
        "09 08 07 06 05",
        "Press officer",
    )


# --- Everything per language ---------------------------------------------------------------


def test_listings_answer_in_the_requested_language_only(client, bilingual):
    fr_news = client.get(bilingual.news_index.url).content.decode()
    en_news = client.get(en(bilingual.news_index).url).content.decode()
    assert "Atelier sur la coopération" in fr_news and "Réunion non traduite" in fr_news
    assert "Workshop on cooperation" in en_news
    assert "Réunion non traduite" not in en_news
    assert "Atelier sur la coopération" not in en_news

    en_agenda = client.get(en(bilingual.agenda).url).content.decode()
    assert "National congress" in en_agenda
    assert "Rencontre régionale non traduite" not in en_agenda

    en_home = client.get("/en/").content.decode()
    assert "Workshop on cooperation" in en_home and "Réunion non traduite" not in en_home
    assert "Training chantier" in en_home
    assert "Chantier social_innovation" not in en_home  # not translated yet
    assert "Brittany" in en_home and "Occitanie" not in en_home

    en_regions = client.get(en(bilingual.region_index).url).content.decode()
    assert "Brittany" in en_regions and "Occitanie" not in en_regions

    # The querysets shared by pages, feeds and calendars.
    english = Locale.objects.get(language_code="en")
    assert [p.title for p in NewsPage.objects.listing(locale=english)] == [
        "Workshop on cooperation"
    ]
    assert [p.title for p in EventPage.objects.upcoming(locale=english)] == ["National congress"]


def test_feeds_and_calendars_answer_in_the_requested_language_only(client, bilingual):
    en_rss = client.get("/en/feeds/news/rss/").content.decode()
    fr_rss = client.get("/fr/feeds/news/rss/").content.decode()
    assert "Workshop on cooperation" in en_rss
    assert "Réunion non traduite" not in en_rss and "Atelier sur la coopération" not in en_rss
    assert "Réunion non traduite" in fr_rss and "Workshop on cooperation" not in fr_rss

    en_ics = client.get("/en/feeds/agenda.ics").content.decode()
    assert "National congress" in en_ics
    assert "non traduite" not in en_ics
    assert "Congrès national" not in en_ics


def test_search_answers_in_the_requested_language_only(client, bilingual):
    response = client.get("/en/search/", {"q": "Workshop"})
    assert "Workshop on cooperation" in response.content.decode()
    response = client.get("/en/search/", {"q": "Réunion"})
    assert "Réunion non traduite" not in response.content.decode()
    response = client.get("/fr/recherche/", {"q": "Réunion"})
    assert "Réunion non traduite" in response.content.decode()
    response = client.get("/fr/recherche/", {"q": "Workshop"})
    assert "Workshop on cooperation" not in response.content.decode()
    # The search page itself switches to the same search in the other language.
    assert switcher_links(response)["en"]["href"] == "/en/search/?q=Workshop"


def test_the_api_answers_in_the_requested_language_only(client, bilingual):
    response = client.get("/api/v2/pages/", {"locale": "en", "type": "news.NewsPage"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Workshop on cooperation"]

    response = client.get("/api/v2/pages/", {"locale": "fr", "type": "news.NewsPage"})
    titles = {item["title"] for item in response.json()["items"]}
    assert titles == {"Atelier sur la coopération", "Réunion non traduite"}

    untranslated = en(bilingual.untranslated_news)
    assert client.get(f"/api/v2/pages/{untranslated.pk}/", follow=True).status_code == 404
    response = client.get("/api/v2/pages/", {"locale": "zz"})
    assert response.status_code == 400
    assert response.json() == {"message": "locale must be one of: fr, en"}


def test_interface_strings_404_and_500_pages_in_the_language_of_the_url(
    client, bilingual, monkeypatch
):
    fr_html = client.get("/fr/").content.decode()
    en_html = client.get("/en/").content.decode()
    assert "Aller au contenu" in fr_html and "Skip to content" in en_html
    assert "Dernières actualités" in fr_html and "Latest news" in en_html

    response = client.get("/en/nope/")
    assert response.status_code == 404
    assert html_attrs(response)["lang"] == "en"
    assert "Page not found" in response.content.decode()
    response = client.get("/fr/nope/")
    assert response.status_code == 404
    assert html_attrs(response)["lang"] == "fr"
    assert "Page introuvable" in response.content.decode()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", broken)
    # The home pages above were stored by the page cache for anonymous visitors.
    from django.core.cache import cache

    cache.clear()
    client.raise_request_exception = False
    response = client.get("/en/")
    assert response.status_code == 500
    assert '<html lang="en" dir="ltr">' in response.content.decode()
    assert "Something went wrong" in response.content.decode()
    response = client.get("/fr/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


# --- A language added by configuration --------------------------------------------------------


ARABIC = [("fr", "Français"), ("en", "English"), ("ar", "العربية")]


@override_settings(LANGUAGES=ARABIC, WAGTAIL_CONTENT_LANGUAGES=ARABIC)
def test_a_right_to_left_language_added_in_settings(client, bilingual):
    i18n.sync_locales()  # what `migrate` does after the settings changed
    assert Locale.objects.filter(language_code="ar").exists()

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/ar/"
    response = client.get("/ar/")
    assert response.status_code == 200
    assert html_attrs(response) == {"lang": "ar", "dir": "rtl"}
    # Nothing is translated into Arabic yet: the French home, marked as such.
    main = tags(response, "main")[0]
    assert (main["lang"], main["dir"]) == ("fr", "ltr")
    links = switcher_links(response)
    assert set(links) == {"fr", "en", "ar"}
    assert links["ar"]["dir"] == "rtl"
