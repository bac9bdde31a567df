"""Every page type renders with a fixed number of SQL queries.

Each test builds a site in one language, fills every listing with 3 items, counts the
queries of each page type, fills the listings up to 30 items, counts again, adds 200
more pages elsewhere in the tree, and counts a third time. The three counts must be the
same, and equal to the pinned budget below: a new N+1 query (a card that looks up its
region, an image that fetches its rendition, a template that follows a foreign key) makes
the 30-item count grow and fails here with the whole table of counts.

Page types, search, the feeds and calendars, the sitemap and the API listing are counted
in French and in English. The whole-response cache is switched off
(``CACHE_MIDDLEWARE_SECONDS = 0``) so that the queries counted are those of a real render;
each URL is fetched once before counting so that one-off work (image renditions,
Wagtail's site root paths, the site chrome that ``home.chrome`` keeps until the next
change) is not counted.
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from bench.sitebuilder import bulk_add_pages, bulk_set_themes
from chantiers.models import ChantierPage, Milestone, RoadmapPage
from news.models import EventPage, NewsPage
from regions.models import RegionPage
from tests.factories import ChantierPageFactory, ImageFactory, translate_site_tree

pytestmark = [pytest.mark.query_budget, pytest.mark.django_db, pytest.mark.search_index]

# The pinned budgets: queries per page type and language, the same at every size. The
# page layouts (issue 21) added: the home page's section links (1); a news item's related
# news (listing, themes, images, regions: 5, plus the press room on a press release); a
# region's and a regional chantier's link to the national chantier (1 or 2); the roadmap's
# header facts (its region); a standard page's section (2). The directory, the library and
# the subscriptions (issues 17-19) added 2 queries to the home page and 7 to a region page
# (their sections and counted figures, one or two queries each whatever the number of
# items; each listing also asks for Wagtail's view restrictions). Their own page types are
# counted at 3 and 300 in their tests. Issue 23 took queries off (region 39 to 28,
# national chantier 34 to 24, home 28 to 23, news index 23 to 19): Wagtail's view
# restrictions read once per request instead of once per listing, the listing counts
# and the roadmap lines kept until the next change, no look-up of duplicate renditions.
FRENCH = {
    "home": 23,
    "chantier index": 13,
    "national chantier": 24,
    "regional chantier": 15,
    "region index": 13,
    "region": 28,
    "roadmap": 21,
    "news index": 19,
    "news index, page 2": 19,
    "news page": 22,
    "press release": 19,
    "event page": 14,
    "agenda": 18,
    "press room": 18,
    "standard page": 13,
    "search": 14,
    "news feed (RSS)": 7,
    "region feed (Atom)": 8,
    "press feed (RSS)": 5,
    "agenda calendar": 5,
    "region calendar": 6,
    "sitemap": 18,
    "API listing": 11,
}
# An English page costs one query more (the active locale is not the default one); the
# views that are not pages (search, feeds, calendars, sitemap, API) cost the same.
NOT_PAGES = {
    "search",
    "news feed (RSS)",
    "region feed (Atom)",
    "press feed (RSS)",
    "agenda calendar",
    "region calendar",
    "sitemap",
    "API listing",
}
ENGLISH = {name: count + (name not in NOT_PAGES) for name, count in FRENCH.items()}
BUDGETS = {"fr": FRENCH, "en": ENGLISH}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # What a page costs to render: no whole-page cache, no kept fragments (core.fragments).
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def image(db):
    return ImageFactory(title="Atelier", size=(640, 480))


class Filler:
    """Adds listed items to every listing of a site, numbering them as it goes.

    Pages are inserted with ``bench.sitebuilder`` (published, a few queries per batch) so
    that a test can afford 30 items in every listing and 200 more pages.
    """

    def __init__(self, tree, image):
        self.tree = tree
        self.image = image
        self.count = 0

    def fill_to(self, total):
        tree = self.tree
        numbers = range(self.count + 1, total + 1)

        def day(number):
            return datetime.date(2020, 1, 1) + datetime.timedelta(days=number)

        def soon(number):
            return timezone.now() + datetime.timedelta(days=number)

        themed = [
            *bulk_add_pages(
                tree.news_index,
                [
                    NewsPage(
                        title=f"Actualité nationale {n}",
                        slug=f"nationale-{n}",
                        date=day(n),
                        kind="relay" if n % 3 == 0 else "article",
                        intro="Texte",
                        source_name="Partenaire",
                        source_url="https://example.org/",
                        image=self.image,
                    )
                    for n in numbers
                ],
                index=True,
            ),
            *bulk_add_pages(
                tree.region_a,
                [
                    NewsPage(
                        title=f"Actualité régionale {n}",
                        slug=f"regionale-{n}",
                        date=day(n),
                        intro="Texte",
                        image=self.image,
                    )
                    for n in numbers
                ],
            ),
            *bulk_add_pages(
                tree.press_room,
                [
                    NewsPage(
                        title=f"Communiqué {n}",
                        slug=f"communique-{n}",
                        date=day(n),
                        kind="press_release",
                    )
                    for n in numbers
                ],
            ),
        ]
        bulk_set_themes(themed, lambda page: ["training"])
        events = [
            *bulk_add_pages(
                tree.agenda,
                [
                    EventPage(
                        title=f"Rencontre nationale {n}",
                        slug=f"rencontre-{n}",
                        start=soon(n),
                        city="Lyon",
                    )
                    for n in numbers
                ],
            ),
            *bulk_add_pages(
                tree.region_a,
                [
                    EventPage(
                        title=f"Atelier régional {n}",
                        slug=f"atelier-{n}",
                        start=soon(n),
                        city="Rennes",
                    )
                    for n in numbers
                ],
            ),
        ]
        bulk_set_themes(events, lambda page: ["training"])
        roadmaps = bulk_add_pages(
            tree.region_a,
            [RoadmapPage(title=f"Feuille de route {n}", slug=f"feuille-{n}") for n in numbers],
        )
        bulk_set_themes(roadmaps, lambda page: ["training"])
        Milestone.objects.bulk_create(
            [
                Milestone(
                    page=roadmap, locale_id=roadmap.locale_id, title=title, date=date, status=status
                )
                for roadmap in roadmaps
                for title, date, status in [
                    ("Lancement", datetime.date(2020, 1, 1), "done"),
                    ("Bilan", datetime.date(2035, 1, 1), "planned"),
                ]
            ]
            + [
                Milestone(
                    page=tree.roadmap,
                    locale_id=tree.roadmap.locale_id,
                    title=f"Étape {n}",
                    date=day(n),
                    status="planned",
                )
                for n in numbers
            ]
        )
        regions = bulk_add_pages(
            tree.region_index,
            [
                RegionPage(title=f"Région {n}", slug=f"region-{n}", theme="training")
                for n in numbers
            ],
        )
        for region in regions:
            bulk_add_pages(
                region,
                [
                    ChantierPage(
                        title=f"Chantier de la {region.title}", slug="chantier", theme="training"
                    )
                ],
            )
        self.count = total

    def add_unlisted_pages(self, total):
        """Pages elsewhere in the tree: the site grows, these listings do not."""
        archive = bulk_add_pages(
            self.tree.region_b,
            [
                NewsPage(title=f"Archive {n}", slug=f"archive-{n}", date=datetime.date(2001, 1, 1))
                for n in range(total)
            ],
        )
        bulk_set_themes(archive, lambda page: ["impact"])


def urls(tree, language_code):
    regional_chantier = ChantierPage.objects.child_of(tree.region_a).first()
    if regional_chantier is None:
        regional_chantier = ChantierPageFactory(
            parent=tree.region_a, title="Notre chantier", slug="notre-chantier", theme="training"
        )
    news_page = NewsPage.objects.child_of(tree.region_a).first()
    press_release = NewsPage.objects.child_of(tree.press_room).first()
    event = EventPage.objects.child_of(tree.agenda).first()
    with translation.override(language_code):
        search_url = reverse("search")
        news_rss = reverse("feeds:news_rss")
        region_atom = reverse("feeds:region_news_atom", kwargs={"slug": tree.region_a.slug})
        press_rss = reverse("feeds:press_rss")
        agenda_ics = reverse("feeds:agenda_ics")
        region_ics = reverse("feeds:region_agenda_ics", kwargs={"slug": tree.region_a.slug})
    return {
        "home": tree.home.url,
        "chantier index": tree.chantier_index.url,
        "national chantier": tree.chantiers["training"].url,
        "regional chantier": regional_chantier.url,
        "region index": tree.region_index.url,
        "region": tree.region_a.url,
        "roadmap": tree.roadmap.url,
        "news index": tree.news_index.url,
        "news index, page 2": tree.news_index.url + "?page=2",
        "news page": news_page.url,
        "press release": press_release.url,
        "event page": event.url,
        "agenda": tree.agenda.url,
        "press room": tree.press_room.url,
        "standard page": tree.about.url,
        "search": search_url + "?q=Actualit%C3%A9",
        "news feed (RSS)": news_rss,
        "region feed (Atom)": region_atom,
        "press feed (RSS)": press_rss,
        "agenda calendar": agenda_ics,
        "region calendar": region_ics,
        "sitemap": "/sitemap.xml",
        "API listing": (
            f"/api/v2/pages/?type=news.NewsPage&locale={language_code}"
            "&fields=kind,date,intro,themes,image&limit=20"
        ),
    }


def count_queries(client, pages):
    counts = {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # one-off work happens here
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries.captured_queries)
    return counts


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_each_page_type_renders_with_a_fixed_number_of_queries(
    client, site_tree, image, language_code
):
    tree = site_tree if language_code == "fr" else translate_site_tree(site_tree, language_code)
    filler = Filler(tree, image)

    filler.fill_to(3)
    pages = urls(tree, language_code)
    with_3_items = count_queries(client, pages)

    filler.fill_to(30)
    with_30_items = count_queries(client, pages)
    # The listings do show the new items.
    assert "Actualité nationale 30" in client.get(pages["news index"]).text
    assert "Actualité nationale 25" in client.get(pages["news index, page 2"]).text
    assert "Région 30" in client.get(pages["home"]).text
    assert "Actualité nationale" in client.get(pages["search"]).text
    assert client.get(pages["API listing"]).json()["meta"]["total_count"] == 90
    assert "Actualité nationale 30" in client.get(pages["news feed (RSS)"]).text
    assert "Rencontre nationale 30" in client.get(pages["agenda calendar"]).text
    assert "nationale-30/" in client.get(pages["sitemap"]).text

    filler.add_unlisted_pages(200)
    in_a_larger_site = count_queries(client, pages)

    assert with_30_items == with_3_items, (with_3_items, with_30_items)
    assert in_a_larger_site == with_3_items, (with_3_items, in_a_larger_site)
    # The pinned figures were measured on SQLite; on PostgreSQL the counts are held
    # constant by the assertions above.
    if connection.vendor == "sqlite":
        assert with_3_items == BUDGETS[language_code], json.dumps(with_3_items, ensure_ascii=False)


# A page whose listings come from their fragments (core.fragments): what a visitor costs
# after the first one since the last change, with the whole-page cache off (the listing
# queries are not made at all). Measured on SQLite, French site with 30 items a listing.
FRAGMENT_HITS = {
    "home": 5,
    "chantier index": 8,
    "national chantier": 7,
    "regional chantier": 8,
    "region index": 8,
    "region": 7,
    "roadmap": 8,
    "news index": 7,
    "news index, page 2": 7,
    "news page": 8,
    "press release": 7,
    "event page": 8,
    "agenda": 7,
    "press room": 8,
    "standard page": 9,
}


def test_a_page_read_from_its_fragments_costs_its_frame_only(client, settings, site_tree, image):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    Filler(site_tree, image).fill_to(30)
    pages = {name: url for name, url in urls(site_tree, "fr").items() if name not in NOT_PAGES}
    rendered = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            first = client.get(url)
        rendered[name] = len(queries.captured_queries)
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)
        assert second.text == first.text, name
        assert len(queries.captured_queries) < rendered[name], name
    hits = count_queries(client, pages)
    if connection.vendor == "sqlite":
        assert hits == FRAGMENT_HITS, json.dumps(hits, ensure_ascii=False)
