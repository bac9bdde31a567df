import pytest

from tests.builders import build_site
from tests.search_builders import search_corpus  # noqa: F401 - fixture shared by the search tests


@pytest.fixture
def site_tree(db):
    """A French site with its frame: home, chantiers, two regions, news, agenda, press."""
    return build_site()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test go to a folder of its own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
