import pytest

from tests.builders import build_site


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


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """The translation catalogues compiled from their fragments, as `make test` does."""
    from django.core.management import call_command

    call_command("build_catalogues", verbosity=0)
