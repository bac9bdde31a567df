import pytest

from tests.builders import build_site
from tests.search_builders import search_corpus  # noqa: F401 - fixture shared by the search tests


def pytest_report_header(config):
    from tests.search_engine import describe_engine

    return f"search engine: {describe_engine()}"


def pytest_sessionstart(session):
    """Build the translation catalogues from their fragments first, as `make test` does,
    so that a bare `pytest` on a fresh clone reads the same French."""
    from django.core.management import call_command
    from django.utils.translation import trans_real

    call_command("build_catalogues", verbosity=0)
    # Forget catalogues read before they were built (Django does the same on settings changes).
    trans_real._translations = {}
    trans_real._default = None


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
