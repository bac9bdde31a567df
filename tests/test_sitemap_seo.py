"""Sitemap (lastmod, language alternates), robots.txt, and the metadata of every page:
description, canonical URL, OpenGraph and Twitter card with an image, JSON-LD."""

import datetime
import html as html_lib
import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.models import NewsPage
from tests.factories import EventPageFactory, NewsPageFactory, translate

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        entries[url.find("sm:loc", NS).text] = {
            "lastmod": url.find("sm:lastmod", NS).text,
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            },
        }
    return entries


def test_sitemap_lists_every_live_page_with_lastmod_and_each_answers_200(client, site_tree):
    NewsPageFactory(parent=site_tree.region_a, title="Atelier rennais", themes=["training"])
    EventPageFactory(parent=site_tree.agenda, title="Congrès national")
    NewsPageFactory(parent=site_tree.news_index, title="Brouillon", publish=False)
    NewsPage.objects.filter(title="Brouillon").update(live=False)

    entries = read_sitemap(client)
    paths = {urlsplit(location).path for location in entries}
    for page in (site_tree.home, site_tree.region_a, site_tree.press_room, site_tree.roadmap):
        assert page.url in paths
    assert any("atelier-rennais" in path for path in paths)
    assert not any("brouillon" in path for path in paths)
    for location, entry in entries.items():
        datetime.date.fromisoformat(entry["lastmod"])
        assert client.get(urlsplit(location).path).status_code == 200, location


def test_sitemap_gives_language_alternates_for_real_translations_only(client, site_tree):
    french = NewsPageFactory(parent=site_tree.news_index, title="Atelier rennais")
    english = translate(french, "en", title="Workshop in Rennes")

    entries = read_sitemap(client)
    french_entry = entries[french.full_url]
    english_entry = entries[english.full_url]
    expected = {"fr": french.full_url, "en": english.full_url, "x-default": french.full_url}
    assert french_entry["alternates"] == expected
    assert english_entry["alternates"] == expected
    # The English home and news index are aliases of the French pages: not listed, and the
    # French pages they copy have no alternates.
    assert not any(urlsplit(location).path == "/en/" for location in entries)
    assert entries[site_tree.home.full_url]["alternates"] == {}
    for location in entries:
        assert client.get(urlsplit(location).path).status_code == 200, location


def test_robots_txt_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def head_meta(html):
    properties = {
        name: html_lib.unescape(value)
        for name, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
    }
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return properties, canonical, [json.loads(block) for block in blocks]


@pytest.fixture
def pages(site_tree):
    image = Image.objects.create(title="Congrès", file=get_test_image_file())
    article = NewsPageFactory(
        parent=site_tree.region_a,
        title="Atelier rennais </script><b>",
        themes=["training"],
        intro="Un atelier sur l'entrepreneuriat social à Rennes.",
        image=image,
    )
    relay = NewsPageFactory(
        parent=site_tree.news_index,
        title="Le BIT à Dakar",
        kind="relay",
        source_name="Portail",
        source_url="https://partenaire.example.org/dakar",
        date=datetime.date(2025, 9, 29),
    )
    event = EventPageFactory(
        parent=site_tree.agenda,
        title="Congrès national",
        place_name="Palais des congrès",
        city="Lyon",
        registration_url="https://inscription.example.org/",
    )
    return site_tree, article, relay, event, image


def test_json_ld_of_each_page_type(client, pages):
    site, article, relay, event, _ = pages
    expected_types = {
        site.home: ["Organization", "BreadcrumbList"],
        article: ["NewsArticle", "BreadcrumbList"],
        relay: ["NewsArticle", "BreadcrumbList"],
        event: ["Event", "BreadcrumbList"],
        site.news_index: ["BreadcrumbList"],
        site.region_index: ["BreadcrumbList"],
        site.chantier_index: ["BreadcrumbList"],
        site.region_a: ["BreadcrumbList"],
        site.chantiers["training"]: ["BreadcrumbList"],
        site.press_room: ["BreadcrumbList"],
        site.agenda: ["BreadcrumbList"],
        site.roadmap: ["BreadcrumbList"],
        site.about: ["BreadcrumbList"],
    }
    for page, types in expected_types.items():
        _, _, data = head_meta(client.get(page.url).content.decode())
        assert [item["@type"] for item in data] == types, page.url
        assert all(item["@context"] == "https://schema.org" for item in data)

    _, _, data = head_meta(client.get(article.url).content.decode())
    news_article, breadcrumbs = data
    assert news_article["headline"] == "Atelier rennais </script><b>"
    assert news_article["datePublished"] == article.date.isoformat()
    assert news_article["inLanguage"] == "fr"
    assert news_article["image"][0].startswith("http://testserver/media/images/")
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Accueil",
        "Régions",
        "Bretagne",
        article.title,
    ]
    assert breadcrumbs["itemListElement"][-1]["item"] == article.full_url

    _, _, (relay_data, _) = head_meta(client.get(relay.url).content.decode())
    assert relay_data["isBasedOn"] == "https://partenaire.example.org/dakar"

    _, _, (event_data, _) = head_meta(client.get(event.url).content.decode())
    assert event_data["name"] == "Congrès national"
    assert datetime.datetime.fromisoformat(event_data["startDate"]) == event.start
    assert event_data["location"]["@type"] == "Place"
    assert event_data["location"]["address"]["addressLocality"] == "Lyon"
    assert event_data["offers"]["url"] == "https://inscription.example.org/"

    _, _, (organization, _) = head_meta(client.get(site.home.url).content.decode())
    assert organization["url"] == site.home.full_url
    assert organization["logo"].endswith("/static/img/brand/logo.svg")


def test_json_ld_cannot_break_out_of_its_script(client, pages):
    _, article, *_ = pages
    html = client.get(article.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script>" not in block and "<b>" not in block
    assert "\\u003C/script\\u003E" in block


def test_metadata_of_every_page(client, pages):
    site, article, relay, event, image = pages
    for page in (site.home, site.news_index, site.region_a, article, relay, event, site.about):
        html = client.get(page.url).content.decode()
        meta, canonical, _ = head_meta(html)
        assert canonical == page.full_url
        assert meta["og:url"] == page.full_url
        assert meta["og:title"] == page.title
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"].startswith("http://testserver/")
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["og:locale"] == "fr_FR"

    meta, _, _ = head_meta(client.get(article.url).content.decode())
    # Description falls back to the introduction; the image is the page's own rendition.
    assert meta["description"] == "Un atelier sur l'entrepreneuriat social à Rennes."
    assert meta["og:description"] == meta["description"]
    assert meta["og:type"] == "article"
    assert "/media/images/" in meta["og:image"] and int(meta["og:image:width"]) > 0

    # Without an image: the page type's own sharing image.
    meta, _, _ = head_meta(client.get(site.about.url).content.decode())
    assert meta["og:image"] == "http://testserver/static/img/og/page.png"
    assert finders.find("img/og/page.png")
    meta, _, _ = head_meta(client.get(site.chantiers["training"].url).content.decode())
    assert meta["og:image"] == "http://testserver/static/img/og/training.png"
    assert meta["og:type"] == "website"

    # The promote tab's description wins over the introduction.
    article.search_description = "Résumé pour les moteurs."
    article.save_revision().publish()
    meta, _, _ = head_meta(client.get(article.url).content.decode())
    assert meta["description"] == "Résumé pour les moteurs."


def test_a_long_description_is_cut_at_a_word_end(client, pages):
    _site, article, *_ = pages
    words = "Un centre créé pour accompagner les entrepreneurs sociaux de toute la région " * 4
    article.search_description = words.strip()
    article.save_revision().publish()
    meta, _, _ = head_meta(client.get(article.url).content.decode())
    description = meta["description"]
    assert len(description) <= 160 and description.endswith("…")
    last_word = description[:-1].split()[-1]
    assert last_word in words.split(), last_word  # a whole word, not "entre…"
