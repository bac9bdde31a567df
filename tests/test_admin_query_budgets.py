"""The admin a regional coordinator uses every day runs a fixed number of SQL queries.

Logged in as the coordinator of Bretagne, each view is counted with 3 news pages in the
region (and 3 images in its collection), then again with 300: the explorer of the
region, the edit view of one of its articles, saving a draft, publishing (the POST, with
the search index update and the page cache's generation bump), the page chooser and its
search, and the image chooser on the region's collection. The counts must not grow with
the number of items, and they are pinned below (on SQLite) so that a new query in a
hook, a panel or a permission check shows here.

Each view is requested once before it is counted: one-off work (the content types, the
site root paths, the first revision of a page) is not counted.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image

from bench.sitebuilder import bulk_add_pages, bulk_set_themes
from news.models import NewsPage
from tests.helpers import news_form

pytestmark = [
    pytest.mark.query_budget,
    pytest.mark.django_db,
    pytest.mark.region_provisioning,
    pytest.mark.search_index,
]

# Queries per view as the coordinator of Bretagne, the same with 3 and 300 items. The
# translation rules (core/permissions.py: the user's translation rights, the page's
# translation status) add a few per view; the explorer and the chooser read each row's
# translation status with the listing (core/wagtail_hooks.py), else one query per row.
BUDGETS = {
    "explorer of the region": 44,
    "edit view of an article": 47,
    "save a draft": 64,
    "publish": 119,
    "page chooser": 24,
    "page chooser search": 32,
    "image chooser on the collection": 14,
}
SEARCH_PAGE_SIZE = 25  # Wagtail's page chooser search shows 25 results a page


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0


class Region:
    """The coordinator's region, filled with news pages and images up to a total."""

    def __init__(self, world):
        self.region = world.pages["fr"]["region_a"]
        self.collection = world.collections["a"]
        self.image = world.image_a
        self.news = 0
        self.images = 0

    def fill_to(self, total):
        numbers = range(self.news + 1, total + 1)
        pages = bulk_add_pages(
            self.region,
            [
                NewsPage(
                    title=f"Actualité de Bretagne {n}",
                    slug=f"actualite-bretagne-{n}",
                    date="2020-01-01",
                    intro="Texte",
                    image=self.image,
                )
                for n in numbers
            ],
            index=True,
        )
        bulk_set_themes(pages, lambda page: ["training"])
        Image.objects.bulk_create(
            [
                Image(
                    title=f"Photo de Bretagne {n}",
                    file=self.image.file.name,
                    width=self.image.width,
                    height=self.image.height,
                    file_size=self.image.file_size,
                    file_hash=self.image.file_hash,
                    collection=self.collection,
                )
                for n in numbers
            ]
        )
        self.news = self.images = total


def views(world):
    region = world.pages["fr"]["region_a"]
    article = world.pages["fr"]["news_a"]
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    images = reverse("wagtailimages_chooser:choose")
    collection = world.collections["a"].pk
    return {
        "explorer of the region": ("get", reverse("wagtailadmin_explore", args=[region.pk])),
        "edit view of an article": ("get", edit),
        "save a draft": ("post", edit, news_form("Brouillon", article.slug)),
        "publish": (
            "post",
            edit,
            news_form("Publiée", article.slug, **{"action-publish": "action-publish"}),
        ),
        "page chooser": ("get", reverse("wagtailadmin_choose_page_child", args=[region.pk])),
        "page chooser search": (
            "get",
            reverse("wagtailadmin_choose_page_search") + "?q=Bretagne",
        ),
        "image chooser on the collection": ("get", f"{images}?collection_id={collection}"),
    }


def request(client, method, url, data=None):
    response = client.post(url, data) if method == "post" else client.get(url)
    expected = 302 if method == "post" else 200
    assert response.status_code == expected, (url, response.content[:2000])
    return response


def count_queries(client, world):
    counts, rows = {}, {}
    for name, (method, url, *data) in views(world).items():
        request(client, method, url, *data)  # one-off work happens here
        with CaptureQueriesContext(connection) as queries:
            response = request(client, method, url, *data)
        counts[name] = len(queries.captured_queries)
        rows[name] = response.content.count(b'class="choose-page"')
    return counts, rows


def test_coordinator_admin_views_run_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["coord_a"])
    region = Region(world)
    # The article as the counts leave it: last published by the coordinator.
    _, edit, publish = views(world)["publish"]
    request(client, "post", edit, publish)

    region.fill_to(3)
    with_3_items, rows_3 = count_queries(client, world)

    region.fill_to(300)
    with_300_items, rows_300 = count_queries(client, world)
    # The views do show the items.
    explorer = client.get(reverse("wagtailadmin_explore", args=[region.region.pk])).text
    assert "Actualité de Bretagne 300" in explorer or "Actualité de Bretagne 1" in explorer
    chooser = client.get(
        reverse("wagtailimages_chooser:choose") + f"?collection_id={region.collection.pk}"
    ).text
    assert "Photo de Bretagne" in chooser
    # The page chooser's rows still name their parent (read from the listing's query).
    url = reverse("wagtailadmin_choose_page_child", args=[region.region.pk])
    pages = client.get(url).json()["html"]
    assert pages.count(f'data-parent-id="{region.region.pk}"') == 25

    # Wagtail's search results drop the chooser queryset's annotations and joins: each
    # result shown costs its parent and its locale (two queries at most: PostgreSQL's
    # results measured one fewer), on a page of 25 at most.
    search = "page chooser search"
    assert rows_300[search] == SEARCH_PAGE_SIZE > rows_3[search]
    growth = with_300_items.pop(search) - with_3_items[search]
    assert 0 < growth <= 2 * (rows_300[search] - rows_3[search]), growth
    assert with_300_items == {k: v for k, v in with_3_items.items() if k != search}, (
        with_3_items,
        with_300_items,
    )
    if connection.vendor == "sqlite":
        assert with_3_items == BUDGETS, json.dumps(with_3_items, ensure_ascii=False)
