import pytest

from news.models import NewsPage
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_every_frame_page_renders(client, site_tree):
    NewsPageFactory(
        parent=site_tree.news_index,
        title="Lancement de la feuille de route",
        kind="press_release",
        themes=["training"],
    )
    NewsPageFactory(parent=site_tree.region_a, title="Atelier en Bretagne", themes=["training"])
    EventPageFactory(parent=site_tree.agenda, title="Congrès national")
    pages = [
        site_tree.home,
        site_tree.chantier_index,
        site_tree.chantiers["training"],
        site_tree.region_index,
        site_tree.region_a,
        site_tree.news_index,
        site_tree.agenda,
        site_tree.press_room,
        site_tree.about,
        site_tree.roadmap,
        *NewsPage.objects.all(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
