"""Listing fragments (``core.fragments``): rendered once, kept until the next change.

With the whole-page cache off, as the benchmark's "uncached" pass and an editor's
browsing run, a listing page reads its listings once: the next anonymous visitor gets
the same HTML from the fragments without a listing query. An editorial change shows at
once; editors, previews and forms are never served from a fragment.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import training_news_listings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def item(site_tree):
    return NewsPageFactory(
        parent=site_tree.region_a, title="Forum des entrepreneurs sociaux", themes=["training"]
    )


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.text, len(queries)


def test_a_second_visitor_gets_the_same_page_without_the_listing_queries(client, site_tree, item):
    for name, url in training_news_listings(site_tree).items():
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert "Forum des entrepreneurs sociaux" in first, name
        assert second == first, name
        assert second_queries < first_queries, (name, first_queries, second_queries)


def test_a_published_change_shows_on_every_listing_at_once(client, site_tree, item):
    urls = training_news_listings(site_tree)
    for url in urls.values():
        get(client, url)
    item.title = "Forum renommé des entrepreneurs"
    item.save_revision().publish()
    for name, url in urls.items():
        html, _ = get(client, url)
        assert ">Forum renommé des entrepreneurs</a>" in html, name
        assert ">Forum des entrepreneurs sociaux</a>" not in html, name


def test_other_filters_and_pages_are_other_fragments(client, site_tree, item):
    url = site_tree.news_index.url
    everything, _ = get(client, url)
    other_year, _ = get(client, url + "?year=1999")
    assert "Forum des entrepreneurs sociaux" in everything
    assert "Forum des entrepreneurs sociaux" not in other_year
    again, _ = get(client, url)
    assert again == everything


def test_a_change_without_a_signal_is_not_seen_by_editors(client, site_tree, item):
    """A row changed behind Wagtail's back (no signal, so no new generation) stays in the
    anonymous fragment, which proves it is kept; a signed-in editor renders afresh."""
    url = site_tree.region_a.url
    get(client, url)
    NewsPage.objects.filter(pk=item.pk).update(title="Titre changé en base")
    anonymous, _ = get(client, url)
    assert ">Forum des entrepreneurs sociaux</a>" in anonymous
    editor = get_user_model().objects.create_superuser("editrice", "e@example.org", "pw")
    client.force_login(editor)
    signed_in, _ = get(client, url)
    assert "Titre changé en base" in signed_in


def test_a_preview_renders_afresh(client, site_tree, item):
    region = site_tree.region_a
    get(client, region.url)
    NewsPage.objects.filter(pk=item.pk).update(title="Titre changé en base")
    response = region.make_preview_request()
    response.render()
    assert "Titre changé en base" in response.content.decode()


def test_nothing_is_kept_when_the_cache_lives_zero_seconds(client, settings, site_tree, item):
    settings.FRAGMENT_CACHE_SECONDS = 0
    url = site_tree.region_a.url
    get(client, url)
    NewsPage.objects.filter(pk=item.pk).update(title="Titre changé en base")
    html, _ = get(client, url)
    assert "Titre changé en base" in html


def test_a_part_with_a_csrf_token_is_never_kept(db):
    request = RequestFactory().get("/")
    request.COOKIES = {}
    calls = []

    class Counter:
        def __str__(self):
            calls.append(1)
            return "x"

    template = Template(
        '{% load fragment_tags %}{% fragment "form-part" %}'
        '<form method="post">{% csrf_token %}{{ counter }}</form>{% endfragment %}'
    )
    for _ in range(2):
        html = template.render(
            Context({"request": request, "counter": Counter(), "csrf_token": "t"})
        )
        assert "csrfmiddlewaretoken" in html
    assert len(calls) == 2  # rendered each time

    kept = Template(
        '{% load fragment_tags %}{% fragment "plain-part" %}{{ counter }}{% endfragment %}'
    )
    for _ in range(2):
        kept.render(Context({"request": request, "counter": Counter()}))
    assert len(calls) == 3  # the plain part rendered once
