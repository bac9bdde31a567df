"""Anonymous visitors are served from the page cache; an editor's change shows at once.

Every test first fills the cache with the pages that show a news item (home, national
news, its region, the national chantier of its theme, the page itself), then makes the
change through Wagtail's own actions, and reads the pages again as an anonymous visitor.
Runs with the local-memory cache and, with ``REDIS_URL`` set, with Redis.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from news.models import NewsPage, PressContact
from tests.factories import NewsPageFactory, StandardPageFactory
from tests.helpers import training_news_listings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 300


@pytest.fixture
def item(site_tree):
    return NewsPageFactory(
        parent=site_tree.region_a, title="Forum des entrepreneurs sociaux", themes=["training"]
    )


@pytest.fixture
def listings(site_tree):
    return training_news_listings(site_tree)


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "pw")
    client.force_login(user)
    return client


def warm(client, urls):
    """Fetch every URL twice: the second answer must come from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url


def texts(client, urls):
    return {name: client.get(url).text for name, url in urls.items()}


def test_an_anonymous_page_is_served_from_the_cache_with_public_headers(client, site_tree):
    first = client.get(site_tree.home.url)
    second = client.get(site_tree.home.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.text == first.text
    assert "public" in second["Cache-Control"]
    assert "s-maxage=" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_the_cache_is_not_even_read_when_switched_off(client, site_tree, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    client.get(site_tree.home.url)
    assert "X-Page-Cache" not in client.get(site_tree.home.url)


def test_a_change_without_a_signal_is_not_seen_proving_pages_come_from_the_cache(
    client, item, listings
):
    warm(client, listings.values())
    Page.objects.filter(pk=item.pk).update(title="Titre changé en base")
    assert all("Titre changé en base" not in text for text in texts(client, listings).values())


def test_publishing_a_new_page_shows_it_on_every_listing(client, site_tree, item, listings):
    warm(client, listings.values())
    NewsPageFactory(
        parent=site_tree.region_a, title="Université d'été de l'ESS", themes=["training"]
    )
    for name, text in texts(client, listings).items():
        assert "Université d&#x27;été de l&#x27;ESS" in text, name


def test_publishing_a_change_shows_it_on_the_page_and_every_listing(client, item, listings):
    urls = {**listings, "page": item.url}
    warm(client, urls.values())
    item.title = "Forum régional des entrepreneurs sociaux"
    item.save_revision().publish()
    for name, text in texts(client, urls).items():
        assert "Forum régional des entrepreneurs sociaux" in text, name


def test_unpublishing_a_page_removes_it_everywhere(client, item, listings):
    url = item.url
    warm(client, [*listings.values(), url])
    item.unpublish()
    for name, text in texts(client, listings).items():
        assert "Forum des entrepreneurs sociaux" not in text, name
    assert client.get(url).status_code == 404


def test_moving_a_page_to_another_region_updates_both_regions(client, site_tree, item, listings):
    old_url = item.url
    region_b = site_tree.region_b.url
    warm(client, [*listings.values(), region_b, old_url])
    item.move(site_tree.region_b, pos="last-child")
    item.refresh_from_db()
    assert "Forum des entrepreneurs sociaux" not in client.get(listings["region"]).text
    assert "Forum des entrepreneurs sociaux" in client.get(region_b).text
    # The cards name the region the item now sits in.
    assert "Occitanie" in client.get(listings["national news"]).text
    assert client.get(old_url).status_code != 200  # a redirect or a 404, never the old page
    assert client.get(item.url).status_code == 200


def test_deleting_a_page_removes_it_everywhere(client, item, listings):
    url = item.url
    warm(client, [*listings.values(), url])
    Page.objects.get(pk=item.pk).delete()
    for name, text in texts(client, listings).items():
        assert "Forum des entrepreneurs sociaux" not in text, name
    assert client.get(url).status_code == 404


def test_editing_a_snippet_shows_on_the_pages_that_show_it(client, site_tree):
    contact = PressContact.objects.create(
        name="Claire Presse", email="presse@example.org", locale=site_tree.locale
    )
    warm(client, [site_tree.press_room.url])
    contact.name = "Claire Martin"
    contact.save()
    assert "Claire Martin" in client.get(site_tree.press_room.url).text


def test_editors_are_never_served_from_the_cache(client, editor_client, item, listings):
    # An anonymous visit fills the cache; the editor still gets a fresh page every time.
    from django.test import Client

    anonymous = Client()
    warm(anonymous, listings.values())
    Page.objects.filter(pk=item.pk).update(title="Titre en cours de relecture")
    NewsPage.objects.filter(pk=item.pk).update(intro="Intro en relecture")
    for name, url in listings.items():
        response = editor_client.get(url)
        assert "X-Page-Cache" not in response, name
        assert "Titre en cours de relecture" in response.text, name
        assert "private" in response["Cache-Control"], name
        assert "no-cache" in response["Cache-Control"], name


def test_an_editors_page_is_never_stored_for_visitors(client, editor_client, item):
    from django.test import Client

    editor_client.get(item.url)  # the editor's page has the Wagtail user bar
    response = Client().get(item.url)
    assert response["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in response.text


def test_a_preview_is_never_served_from_or_stored_in_the_cache(client, item):
    warm(client, [item.url])
    item.title = "Brouillon pas encore publié"
    item.save_revision()  # a draft: the live page keeps its title
    preview = item.get_latest_revision_as_object().make_preview_request()
    assert "Brouillon pas encore publié" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    response = client.get(item.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Brouillon pas encore publié" not in response.text


def test_the_admin_is_never_cached(client, editor_client):
    from django.test import Client

    for visitor in (Client(), editor_client):
        visitor.get("/admin/login/")
        assert "X-Page-Cache" not in visitor.get("/admin/login/")


def test_search_results_are_never_cached(client, site_tree):
    client.get("/fr/recherche/?q=ESS")
    response = client.get("/fr/recherche/?q=ESS")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.urls("tests.cache_urls")
@pytest.mark.parametrize(
    "url",
    ["/test-cache/csrf/", "/test-cache/cookie/", "/test-cache/private/"],
    ids=["csrf token", "set-cookie", "cache-control private"],
)
def test_responses_with_a_csrf_token_a_cookie_or_private_are_not_cached(client, site_tree, url):
    client.get(url)
    client.cookies.clear()
    assert "X-Page-Cache" not in client.get(url)


# --- the site chrome (menu and footer), kept apart from the page cache ------------------


def menu_and_footer(client, url):
    html = client.get(url).text
    menu = html[html.index('id="main-nav"') : html.index("</nav>", html.index('id="main-nav"'))]
    footer = html[html.index('class="site-footer"') :]
    return menu, footer


def test_the_menu_and_footer_follow_every_change_with_the_page_cache_off(
    client, site_tree, settings
):
    """Every render reads the menu from the chrome cache; every change empties it."""

    settings.CACHE_MIDDLEWARE_SECONDS = 0
    pages = [site_tree.about.url, site_tree.news_index.url]
    for url in pages:
        assert "Adhérer" not in client.get(url).text

    joining = StandardPageFactory(
        parent=site_tree.home,
        title="Adhérer",
        slug="adherer",
        show_in_menus=True,
        show_in_footer=True,
    )
    for url in pages:
        menu, footer = menu_and_footer(client, url)
        assert "Adhérer" in menu and "Adhérer" in footer, url

    # Without a signal the chrome does not change: it does come from the cache.
    Page.objects.filter(pk=joining.pk).update(title="Titre changé en base")
    assert "Titre changé en base" not in client.get(pages[0]).text

    joining.refresh_from_db()
    joining.title = "Nous rejoindre"
    joining.save_revision().publish()
    for url in pages:
        menu, footer = menu_and_footer(client, url)
        assert "Nous rejoindre" in menu and "Nous rejoindre" in footer, url

    joining.unpublish()
    for url in pages:
        assert "Nous rejoindre" not in client.get(url).text, url

    joining.save_revision().publish()
    assert "Nous rejoindre" in client.get(pages[0]).text
    joining.move(site_tree.about, pos="last-child")
    menu, footer = menu_and_footer(client, pages[1])
    assert "Nous rejoindre" not in menu and "Nous rejoindre" not in footer

    assert "À propos" in menu_and_footer(client, pages[1])[1]
    site_tree.about.refresh_from_db()
    site_tree.about.delete()
    assert "À propos" not in menu_and_footer(client, pages[1])[1]


def test_the_chrome_is_computed_on_every_request_when_switched_off(client, site_tree, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.CHROME_CACHE_SECONDS = 0
    client.get(site_tree.about.url)
    Page.objects.filter(pk=site_tree.news_index.pk).update(title="Titre changé en base")
    menu, _ = menu_and_footer(client, site_tree.about.url)
    assert "Titre changé en base" in menu
