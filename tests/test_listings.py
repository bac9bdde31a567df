"""News, press room and agenda listings: filters that combine, stay in the pagination links
and never fail on a bad value; relays with their source; next milestones.

The pages are French (``/fr/``): messages are asserted as a French reader sees them.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from news.models import PressContact, PressKitItem
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(response, key):
    page = response.context[key]
    if callable(page):  # a listing enters the context unread (core.fragments.lazy_items)
        page = page()
    return [item.title for item in page.object_list] if page is not None else None


@pytest.fixture
def news(site_tree):
    NewsPageFactory(
        parent=site_tree.region_a,
        title="Atelier rennais",
        date=datetime.date(2024, 3, 1),
        themes=["training"],
    )
    NewsPageFactory(
        parent=site_tree.region_b,
        title="Communiqué occitan",
        kind="press_release",
        date=datetime.date(2023, 5, 2),
        themes=["impact"],
    )
    NewsPageFactory(
        parent=site_tree.news_index,
        title="Le BIT à Dakar",
        kind="relay",
        date=datetime.date(2024, 10, 1),
        themes=["cooperation"],
        source_name="Portail ESS Afrique",
        source_url="https://partenaire.example.org/dakar",
        source_date=datetime.date(2024, 9, 29),
    )
    return site_tree


NEWS_FILTER_CASES = [
    ("", ["Le BIT à Dakar", "Atelier rennais", "Communiqué occitan"]),
    ("?region=bretagne", ["Atelier rennais"]),
    ("?theme=impact", ["Communiqué occitan"]),
    ("?kind=relay", ["Le BIT à Dakar"]),
    ("?year=2024", ["Le BIT à Dakar", "Atelier rennais"]),
    ("?region=bretagne&kind=article&year=2024", ["Atelier rennais"]),
    ("?theme=training&kind=press_release", []),
]


def test_news_index_filters_alone_and_combined(client, news):
    for query, expected in NEWS_FILTER_CASES:
        response = client.get(news.news_index.url + query)
        assert response.status_code == 200
        assert titles(response, "news_page") == expected, query
        html = response.content.decode()
        if not expected:
            assert "Aucune actualité ne correspond à ces filtres." in html
        for field in ("region", "theme", "kind", "year"):
            assert f'<label for="id_{field}">' in html


INVALID_FILTER_CASES = [
    ("?region=atlantide", "Ces filtres ne sont pas valides"),
    ("?theme=cooking", "Ces filtres ne sont pas valides"),
    ("?kind=opinion", "Ces filtres ne sont pas valides"),
    ("?year=abc", "Ces filtres ne sont pas valides"),
    ("?year=1850", "Ces filtres ne sont pas valides"),
    ("?region=bretagne&year=deux-mille", "Ces filtres ne sont pas valides"),
    ("?page=abc", "Ce numéro de page n’existe pas."),
    ("?page=-3", "Ce numéro de page n’existe pas."),
]


def test_invalid_filter_values_give_an_empty_list_and_a_message(client, news):
    for query, message in INVALID_FILTER_CASES:
        response = client.get(news.news_index.url + query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "card--news" not in html  # no page of news
        assert message in html
        assert "Atelier rennais" not in html


def test_relay_shows_its_source_original_date_and_link(client, news):
    html = client.get(news.news_index.url + "?kind=relay").content.decode()
    assert 'href="https://partenaire.example.org/dakar"' in html
    assert "Portail ESS Afrique" in html
    assert 'datetime="2024-09-29"' in html


def test_pagination_keeps_the_filters_and_clamps_past_the_end(client, site_tree):
    for day in range(1, 13):
        NewsPageFactory(
            parent=site_tree.region_a, title=f"Brève {day:02d}", date=datetime.date(2024, 1, day)
        )
    NewsPageFactory(parent=site_tree.region_b, title="Hors filtre", date=datetime.date(2024, 1, 20))
    url = site_tree.news_index.url

    first = client.get(url + "?region=bretagne&year=2024")
    assert titles(first, "news_page")[:2] == ["Brève 12", "Brève 11"]
    assert len(titles(first, "news_page")) == 10
    html = first.content.decode()
    assert 'href="?region=bretagne&amp;year=2024&amp;page=2"' in html

    second = client.get(url + "?region=bretagne&year=2024&page=2")
    assert titles(second, "news_page") == ["Brève 02", "Brève 01"]
    assert 'href="?region=bretagne&amp;year=2024&amp;page=1"' in second.content.decode()

    # Past the last page: the last page.
    beyond = client.get(url + "?region=bretagne&year=2024&page=9999")
    assert beyond.status_code == 200
    assert titles(beyond, "news_page") == ["Brève 02", "Brève 01"]


def test_region_news_block_filters_within_the_region(client, news):
    NewsPageFactory(
        parent=news.region_a,
        title="Communiqué breton",
        kind="press_release",
        date=datetime.date(2023, 1, 5),
    )
    url = news.region_a.url
    assert titles(client.get(url), "news_page") == ["Atelier rennais", "Communiqué breton"]
    assert titles(client.get(url + "?kind=press_release"), "news_page") == ["Communiqué breton"]
    assert titles(client.get(url + "?year=2024&theme=training"), "news_page") == ["Atelier rennais"]
    # The region is fixed by the page: no region field, and the parameter is ignored.
    response = client.get(url + "?region=occitanie")
    assert 'name="region"' not in response.content.decode()
    assert titles(response, "news_page") == ["Atelier rennais", "Communiqué breton"]
    bad = client.get(url + "?year=abc")
    assert bad.status_code == 200 and "Ces filtres ne sont pas valides" in bad.content.decode()


def test_national_chantier_news_block_filters_by_region(client, news):
    NewsPageFactory(
        parent=news.region_b,
        title="Mesure d'impact à Toulouse",
        themes=["impact"],
        date=datetime.date(2022, 2, 2),
    )
    NewsPageFactory(
        parent=news.news_index,
        title="Impact national",
        themes=["impact"],
        date=datetime.date(2021, 2, 2),
    )
    url = news.chantiers["impact"].url
    assert titles(client.get(url), "news_page") == [
        "Communiqué occitan",
        "Mesure d'impact à Toulouse",
        "Impact national",
    ]
    assert titles(client.get(url + "?region=occitanie&year=2022"), "news_page") == [
        "Mesure d'impact à Toulouse"
    ]
    assert 'name="theme"' not in client.get(url).content.decode()
    assert "Ces filtres ne sont pas valides" in client.get(url + "?kind=x").content.decode()


def test_next_milestone_on_region_and_national_chantier_pages(client, site_tree):
    for page in (site_tree.region_a, site_tree.chantiers["training"]):
        html = client.get(page.url).content.decode()
        assert "Prochain jalon" in html
        assert "Rencontres nationales" in html
        assert 'datetime="2030-10-01"' in html


@pytest.fixture
def press(site_tree):
    pdf = Document.objects.create(
        title="Communiqué du congrès", file=ContentFile(b"%PDF-1.4 test", name="congres.pdf")
    )
    NewsPageFactory(
        parent=site_tree.press_room,
        title="Congrès de Lyon",
        kind="press_release",
        date=datetime.date(2024, 10, 14),
        pdf=pdf,
        intro="Le congrès annonce la feuille de route territoriale.",
    )
    NewsPageFactory(
        parent=site_tree.region_a,
        title="Atelier à Rennes",
        kind="press_release",
        date=datetime.date(2023, 6, 15),
        intro="Formation à l'entrepreneuriat social.",
    )
    NewsPageFactory(
        parent=site_tree.press_room, title="Simple article", date=datetime.date(2024, 11, 1)
    )
    PressContact.objects.create(
        name="Claire Presse",
        role="Chargée de presse",
        email="presse@example.org",
        locale=site_tree.locale,
    )
    kit = Document.objects.create(
        title="Dossier de presse 2024", file=ContentFile(b"%PDF-1.4 kit", name="dossier.pdf")
    )
    PressKitItem.objects.create(page=site_tree.press_room, document=kit)
    return site_tree, pdf


PRESS_FILTER_CASES = [
    ("", ["Congrès de Lyon", "Atelier à Rennes"]),
    ("?year=2023", ["Atelier à Rennes"]),
    ("?region=bretagne", ["Atelier à Rennes"]),
    ("?q=congrès", ["Congrès de Lyon"]),
    ("?q=entrepreneuriat", ["Atelier à Rennes"]),
    ("?q=congrès&year=2023", []),
    ("?q=introuvable", []),
]


@pytest.mark.search_index  # the room's search box
def test_press_room_filters(client, press):
    for query, expected in PRESS_FILTER_CASES:
        site, _ = press
        response = client.get(site.press_room.url + query)
        assert response.status_code == 200
        assert titles(response, "press_page") == expected, query
        for field in ("q", "region", "year"):
            assert f'<label for="id_{field}">' in response.content.decode()


def test_press_room_shows_pdf_contacts_and_press_kit(client, press):
    site, pdf = press
    html = client.get(site.press_room.url).content.decode()
    assert f'href="{pdf.url}"' in html
    assert "Claire Presse" in html and "mailto:presse@example.org" in html
    assert "Dossier de presse 2024" in html
    bad = client.get(site.press_room.url + "?year=twenty")
    assert bad.status_code == 200 and "Ces filtres ne sont pas valides" in bad.content.decode()


def test_press_release_prints_cleanly(client, press):
    from news.models import NewsPage

    release = NewsPage.objects.get(title="Congrès de Lyon")
    html = client.get(release.url).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html
    assert "Télécharger le communiqué (PDF)" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/print.css")).read()
    for hidden in (
        ".site-header",
        ".site-footer",
        ".breadcrumbs",
        ".listing-filters",
        ".feed-links",
    ):
        assert hidden in css


@pytest.fixture
def agenda(site_tree):
    now = timezone.now()
    EventPageFactory(
        parent=site_tree.agenda, title="Congrès national", days=30, themes=["training", "impact"]
    )
    EventPageFactory(parent=site_tree.region_a, title="Atelier breton", days=5, themes=["training"])
    EventPageFactory(
        parent=site_tree.region_b, title="Rencontre occitane", days=12, themes=["impact"]
    )
    EventPageFactory(
        parent=site_tree.region_a,
        title="Atelier passé",
        start=now - datetime.timedelta(days=40),
        themes=["training"],
    )
    EventPageFactory(
        parent=site_tree.agenda,
        title="Congrès 2010",
        start=now - datetime.timedelta(days=400),
        themes=["impact"],
    )
    return site_tree


AGENDA_FILTER_CASES = [
    ("", ["Atelier breton", "Rencontre occitane", "Congrès national"]),
    ("?region=bretagne", ["Atelier breton"]),
    ("?theme=impact", ["Rencontre occitane", "Congrès national"]),
    ("?region=occitanie&theme=training", []),
    ("?past=1", ["Atelier passé", "Congrès 2010"]),
    ("?past=1&theme=impact", ["Congrès 2010"]),
    ("?past=1&region=bretagne", ["Atelier passé"]),
]


def test_agenda_upcoming_by_default_past_on_request_with_filters(client, agenda):
    for query, expected in AGENDA_FILTER_CASES:
        response = client.get(agenda.agenda.url + query)
        assert response.status_code == 200
        assert titles(response, "events_page") == expected, query


@pytest.mark.parametrize("query", ["?region=nowhere", "?theme=x", "?past=1&theme=x", "?page=zz"])
def test_agenda_invalid_filters(client, agenda, query):
    response = client.get(agenda.agenda.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "card--event" not in html  # no page of events
    assert "Ces filtres ne sont pas valides" in html or "Ce numéro de page n’existe pas." in html


def test_agenda_pagination_keeps_past_and_filters(client, site_tree):
    now = timezone.now()
    for n in range(11):
        EventPageFactory(
            parent=site_tree.region_a,
            title=f"Ancien atelier {n:02d}",
            start=now - datetime.timedelta(days=n + 1),
        )
    response = client.get(site_tree.agenda.url + "?past=1&region=bretagne")
    assert len(titles(response, "events_page")) == 10
    assert 'href="?past=1&amp;region=bretagne&amp;page=2"' in response.content.decode()
    second = client.get(site_tree.agenda.url + "?past=1&region=bretagne&page=2")
    assert titles(second, "events_page") == ["Ancien atelier 10"]


def test_listing_queries_do_not_grow_with_the_number_of_items(client, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)  # Warm the per-site caches (site root paths, menus).
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    NewsPageFactory(parent=site_tree.news_index, title="Relais 0", kind="relay", themes=["impact"])
    NewsPageFactory(
        parent=site_tree.press_room, title="Communiqué 0", kind="press_release", themes=["impact"]
    )
    EventPageFactory(parent=site_tree.agenda, title="Événement 0")
    urls = [
        site_tree.news_index.url,
        site_tree.press_room.url,
        site_tree.agenda.url,
        "/fr/feeds/news/rss/",
        "/fr/feeds/agenda.ics",
    ]
    few = {url: count(url) for url in urls}
    for n in range(1, 6):
        NewsPageFactory(
            parent=site_tree.news_index,
            title=f"Relais {n}",
            kind="relay",
            themes=["impact", "training"],
        )
        NewsPageFactory(
            parent=site_tree.press_room,
            title=f"Communiqué {n}",
            kind="press_release",
            themes=["impact"],
        )
        EventPageFactory(parent=site_tree.agenda, title=f"Événement {n}", themes=["training"])
    many = {url: count(url) for url in urls}
    assert many == few
