"""RSS 2.0 and Atom feeds: all news, per region, per chantier, press releases; in each
language; announced with <link rel="alternate"> on the pages they belong to."""

import datetime
import re
import types

import feedparser
import pytest
from django.urls import resolve, reverse
from django.utils import translation

from tests.factories import EventPageFactory, NewsPageFactory, RegionPageFactory, translate

pytestmark = pytest.mark.django_db


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
        date=datetime.date(2024, 5, 2),
        themes=["impact"],
    )
    NewsPageFactory(
        parent=site_tree.news_index,
        title="Le BIT à Dakar",
        kind="relay",
        date=datetime.date(2024, 10, 1),
        themes=["cooperation", "training"],
        source_name="Portail ESS Afrique",
        source_url="https://partenaire.example.org/dakar",
    )
    return site_tree


def fetch(client, url_name, language="fr", **kwargs):
    with translation.override(language):
        url = reverse(url_name, kwargs=kwargs)
    assert url.startswith(f"/{language}/feeds/")
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


FEEDS = [
    ("news", {}, ["Le BIT à Dakar", "Communiqué occitan", "Atelier rennais"]),
    ("region_news", {"slug": "bretagne"}, ["Atelier rennais"]),
    ("region_news", {"slug": "occitanie"}, ["Communiqué occitan"]),
    ("theme_news", {"code": "training"}, ["Le BIT à Dakar", "Atelier rennais"]),
    ("theme_news", {"code": "impact"}, ["Communiqué occitan"]),
    ("press", {}, ["Communiqué occitan"]),
]


def test_every_feed_parses_in_rss_and_atom_with_the_right_items(client, news):
    for name, kwargs, expected in FEEDS:
        response, rss = fetch(client, f"feeds:{name}_rss", **kwargs)
        assert response["Content-Type"].startswith("application/rss+xml")
        assert rss.version == "rss20"
        assert rss.feed.language == "fr"
        assert [entry.title for entry in rss.entries] == expected, (name, kwargs)

        response, atom = fetch(client, f"feeds:{name}_atom", **kwargs)
        assert response["Content-Type"].startswith("application/atom+xml")
        assert atom.version == "atom10"
        assert atom.feed.language == "fr"
        assert [entry.title for entry in atom.entries] == expected, (name, kwargs)
        for entry in atom.entries:
            assert entry.link.startswith("http://localhost/fr/")
            assert entry.published_parsed and entry.updated_parsed


def test_feed_items_carry_their_date_themes_and_relay_source(client, news):
    _, feed = fetch(client, "feeds:news_rss")
    relay = feed.entries[0]
    assert relay.published_parsed[:3] == (2024, 10, 1)
    assert "Portail ESS Afrique" in relay.summary
    assert len(relay.tags) == 2
    assert "actualités" in feed.feed.title.lower()


def test_feeds_in_each_language_list_that_language_only(client, news):
    from news.models import NewsPage

    french = NewsPage.objects.get(title="Atelier rennais")
    translate(french, "en", title="Workshop in Rennes")

    _, english = fetch(client, "feeds:news_rss", language="en")
    assert english.feed.language == "en"
    assert [entry.title for entry in english.entries] == ["Workshop in Rennes"]
    assert english.entries[0].link.startswith("http://localhost/en/")
    assert "news" in english.feed.title.lower()

    _, english_atom = fetch(client, "feeds:news_atom", language="en")
    assert english_atom.feed.language == "en"
    assert [entry.title for entry in english_atom.entries] == ["Workshop in Rennes"]

    _, french_feed = fetch(client, "feeds:news_rss", language="fr")
    assert "Workshop in Rennes" not in [entry.title for entry in french_feed.entries]


def self_link(feed):
    return next(link.href for link in feed.feed.links if link.rel == "self")


def test_two_interleaved_requests_of_one_feed_each_get_their_own_answer(rf, news, monkeypatch):
    """A feed instance serves every request of its URL pattern, in every language and, under
    a threaded server, in every thread: a request halfway through keeps its own answer
    while another one is served."""
    from news.models import NewsPage

    translate(NewsPage.objects.get(title="Atelier rennais"), "en", title="Workshop in Rennes")
    with translation.override("fr"):
        feed = resolve("/fr/feeds/news/rss/").func
    with translation.override("en"):
        assert resolve("/en/feeds/news/rss/").func is feed

    answers = {}

    def serve(language):
        # Each server thread has its own active language, as the override gives here.
        with translation.override(language):
            response = feed(rf.get(f"/{language}/feeds/news/rss/"))
        answers[language] = feedparser.parse(response.content)

    title, started = feed.title, []

    def title_then_another_request(self, obj):
        if not started:  # the French request is halfway: the English one is served now
            started.append(True)
            serve("en")
        return title(obj)

    monkeypatch.setattr(feed, "title", types.MethodType(title_then_another_request, feed))
    serve("fr")

    french, english = answers["fr"], answers["en"]
    assert french.feed.language == "fr"
    assert self_link(french) == "http://testserver/fr/feeds/news/rss/"
    assert [entry.title for entry in french.entries] == [
        "Le BIT à Dakar",
        "Communiqué occitan",
        "Atelier rennais",
    ]
    assert all(entry.link.startswith("http://localhost/fr/") for entry in french.entries)
    assert english.feed.language == "en"
    assert self_link(english) == "http://testserver/en/feeds/news/rss/"
    assert [entry.title for entry in english.entries] == ["Workshop in Rennes"]
    assert english.entries[0].link.startswith("http://localhost/en/")


@pytest.mark.parametrize(
    "url",
    [
        "/fr/feeds/news/region/atlantide/rss/",
        "/fr/feeds/news/region/atlantide/atom/",
        "/fr/feeds/news/theme/cooking/rss/",
        "/fr/feeds/agenda/region/atlantide.ics",
        "/fr/feeds/agenda/theme/cooking.ics",
        "/fr/feeds/event/999999.ics",
    ],
)
def test_unknown_region_theme_or_event_is_a_404(client, site_tree, url):
    assert client.get(url).status_code == 404


def alternates(html):
    return re.findall(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', html)


def test_pages_announce_their_feeds_and_the_links_work(client, news):
    from news.models import NewsPage

    press_release = NewsPage.objects.get(title="Communiqué occitan")
    expectations = {
        news.home.url: ["/fr/feeds/news/rss/", "/fr/feeds/news/atom/", "/fr/feeds/agenda.ics"],
        news.news_index.url: ["/fr/feeds/news/rss/", "/fr/feeds/news/atom/"],
        news.region_a.url: [
            "/fr/feeds/news/region/bretagne/rss/",
            "/fr/feeds/news/region/bretagne/atom/",
            "/fr/feeds/agenda/region/bretagne.ics",
        ],
        news.chantiers["impact"].url: [
            "/fr/feeds/news/theme/impact/rss/",
            "/fr/feeds/news/theme/impact/atom/",
            "/fr/feeds/agenda/theme/impact.ics",
        ],
        news.press_room.url: ["/fr/feeds/press/rss/", "/fr/feeds/press/atom/"],
        press_release.url: [
            "/fr/feeds/press/rss/",
            "/fr/feeds/news/region/occitanie/rss/",
            "/fr/feeds/news/rss/",
        ],
        news.agenda.url: ["/fr/feeds/agenda.ics"],
    }
    for page_url, expected in expectations.items():
        links = alternates(client.get(page_url).content.decode())
        hrefs = [href for _, _, href in links]
        for href in expected:
            assert href in hrefs, (page_url, href)
        for content_type, title, href in links:
            assert title
            response = client.get(href)
            assert response.status_code == 200, href
            assert response["Content-Type"].startswith(content_type), href
    # A page that lists no news announces no feed of its own.
    assert alternates(client.get(news.about.url).content.decode()) == []


def test_a_region_whose_slug_has_accents_has_working_pages_feeds_and_calendar(client, site_tree):
    """Wagtail keeps accents in slugs (``midi-pyrénées``): the feed URLs accept them."""

    region = RegionPageFactory(parent=site_tree.region_index, title="Midi-Pyrénées", theme="impact")
    assert region.slug == "midi-pyrénées"
    NewsPageFactory(parent=region, title="Forum toulousain", date=datetime.date(2024, 6, 1))
    EventPageFactory(parent=region, title="Rencontre à Toulouse", days=10)
    response = client.get(region.url)
    assert response.status_code == 200
    hrefs = [href for _, _, href in alternates(response.content.decode())]
    assert "/fr/feeds/news/region/midi-pyr%C3%A9n%C3%A9es/rss/" in hrefs
    assert "/fr/feeds/agenda/region/midi-pyr%C3%A9n%C3%A9es.ics" in hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200, href
    _, feed = fetch(client, "feeds:region_news_rss", slug="midi-pyrénées")
    assert [entry.title for entry in feed.entries] == ["Forum toulousain"]
    calendar = client.get("/fr/feeds/agenda/region/midi-pyr%C3%A9n%C3%A9es.ics")
    assert "Rencontre à Toulouse" in calendar.content.decode()
