"""URLs lead to the same pages as Wagtail's own tree walk, in two queries at any depth."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import routing
from home.models import HomePage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_no_page_type_routes_its_own_sub_paths():
    # Were one to (a RoutablePageMixin), the home page would fall back on the tree walk.
    assert routing.walk_is_needed(HomePage) is False


def test_a_url_leads_to_its_live_page_and_only_to_it(client, site_tree):
    article = NewsPageFactory(parent=site_tree.region_a, title="Forum de Rennes")
    draft = NewsPageFactory(parent=site_tree.region_a, title="Brouillon", publish=False)
    assert client.get(article.url).status_code == 200
    assert client.get(site_tree.region_a.url + "brouillon/").status_code == 404
    assert not draft.live
    assert client.get(site_tree.region_a.url + "nulle-part/").status_code == 404
    assert client.get(article.url + "plus-loin/").status_code == 404

    # A new slug, and a move, change the URL at once.
    article.slug = "forum-rennais"
    article.save_revision().publish()
    article.refresh_from_db()
    assert client.get(site_tree.region_a.url + "forum-de-rennes/").status_code == 404
    assert client.get(article.url).status_code == 200
    article.move(site_tree.region_b, pos="last-child")
    article.refresh_from_db()
    # Wagtail leaves a permanent redirect behind a moved page.
    old = client.get(site_tree.region_a.url + "forum-rennais/")
    assert (old.status_code, old["Location"]) == (301, article.url)
    assert client.get(article.url).status_code == 200
    assert "Forum de Rennes" in client.get(article.url).text


def test_routing_costs_the_same_at_every_depth(client, site_tree, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    article = NewsPageFactory(parent=site_tree.region_a, title="Forum de Rennes")
    counts = {}
    for url in (site_tree.news_index.url, article.url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[url] = sum(1 for q in queries.captured_queries if '"url_path" =' in q["sql"])
    assert set(counts.values()) == {1}, counts
