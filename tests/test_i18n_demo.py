"""The served demo in English: ``load_demo_content`` translates it through wagtail-localize."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import Translation

from chantiers.models import ChantierPage
from news.models import NewsPage
from tests.test_i18n import alternates

pytestmark = [pytest.mark.demo, pytest.mark.django_db]

FRENCH_MENU = {
    "Chantiers",
    "Régions",
    "Actualités",
    "Agenda",
    "Espace presse",
    "Ressources",
    "Annuaire",
    "Banque de projets",
}


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", "--no-admin", stdout=StringIO())
    return Locale.objects.get(language_code="en")


def menu(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<a [^>]*>.*?</a>", nav)]


def test_the_demo_reads_in_english(client, demo):
    # An English browser at / lands on /en/.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,fr;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/en/"

    # The English header reads in English.
    home = client.get("/en/").content.decode()
    items = menu(home)
    assert len(items) == len(FRENCH_MENU) and not FRENCH_MENU & set(items), items
    assert items == [
        "Work programmes",
        "Regions",
        "News",
        "Events",
        "Press room",
        "Resources",
        "Directory",
        "Project bank",
    ]

    # The four chantiers have English titles, linked to their French source.
    chantiers = list(ChantierPage.objects.live().national().in_locale(demo))
    assert len(chantiers) == 4
    for chantier in chantiers:
        source = chantier.get_translation(Locale.get_default())
        assert chantier.title != source.title
        assert chantier.title in home

    # At least six news items have English titles; each English news page and its French
    # source name each other as alternates.
    news = list(NewsPage.objects.listing(locale=demo))
    assert len(news) >= 6
    for item in news:
        source = item.get_translation(Locale.get_default())
        assert item.title != source.title
        assert Translation.objects.filter(
            source__object_id=item.translation_key, target_locale=demo
        ).exists(), "made through wagtail-localize's translation records"
        english = client.get(item.url)
        french = client.get(source.url)
        assert english.status_code == french.status_code == 200
        pair = {"en": item.get_full_url(), "fr": source.get_full_url()}
        assert pair.items() <= alternates(english).items(), item.url
        assert pair.items() <= alternates(french).items(), source.url
        assert menu(english.content.decode()) == items

    # A second run finds everything in place.
    out = StringIO()
    call_command("load_demo_content", "--no-admin", stdout=out)
    assert "already in place" in out.getvalue()
