"""Redis unreachable or hanging: pages are served uncached, the outage is logged once, the
health report says "degraded", and editing, sessions and the login lockout keep working.

The site's Redis cache (``ops.cache.ResilientRedisCache``, with the production settings'
timeout) is pointed at a port where nothing listens (refused at once), or at a socket that
accepts connections and never answers (Redis hanging: every read times out). Redis coming
back is proven against a real ``redis-server`` in tests/test_outages.py.
"""

import logging
import socket
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from tests.factories import NewsPageFactory
from tests.helpers import news_form

pytestmark = pytest.mark.django_db

PASSWORD = "Ch4ntier-Bretagne-2010"


def redis_cache(port, **options):
    return {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "ess",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
                "RETRY_SECONDS": 60,
                "FORGET_AFTER_OUTAGE": ["pagecache:generation"],
                **options,
            },
        }
    }


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HangingServer:
    """Accepts connections and never answers; counts them."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def unreachable_redis(settings):
    settings.CACHES = redis_cache(closed_port())
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    return settings.CACHES["default"]["LOCATION"]


@pytest.fixture
def hanging_redis(settings):
    server = HangingServer()
    settings.CACHES = redis_cache(server.port)
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _clear_cache():
    """The shared fixture empties the cache: not the unreachable one."""
    yield


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "ops.cache" and r.levelno == logging.WARNING]


def test_pages_are_served_uncached_and_the_outage_logged_once(
    client, site_tree, unreachable_redis, caplog
):
    caplog.set_level(logging.WARNING, logger="ops.cache")
    urls = [site_tree.home.url, site_tree.news_index.url, site_tree.about.url]
    for _round in range(5):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Page-Cache" not in response  # neither a hit nor stored
            assert "<h1" in response.text
    warnings = outage_warnings(caplog)
    assert len(warnings) == 1, [w.getMessage() for w in warnings]
    assert unreachable_redis in warnings[0].getMessage()
    assert "uncached" in warnings[0].getMessage()


def test_a_change_shows_at_once_during_the_outage(client, site_tree, unreachable_redis):
    client.get(site_tree.news_index.url)
    NewsPageFactory(parent=site_tree.news_index, title="Publié pendant la panne")
    assert "Publié pendant la panne" in client.get(site_tree.news_index.url).text


def test_a_hanging_redis_costs_one_timeout_then_none(client, site_tree, hanging_redis):
    for _round in range(10):
        assert client.get(site_tree.home.url).status_code == 200
        assert client.get(site_tree.about.url).status_code == 200
    # Twenty pages, each reading the page cache and the site chrome several times: Redis
    # was tried once (one connection, timed out), then left to the process's probe.
    assert len(hanging_redis.connections) == 1


def test_redis_is_tried_again_every_interval_requests_or_not(client, site_tree, settings, caplog):
    caplog.set_level(logging.WARNING, logger="ops.cache")
    server = HangingServer()
    try:
        settings.CACHES = redis_cache(server.port, RETRY_SECONDS=0.2, LOG_SECONDS=3600)
        client.get(site_tree.home.url)
        after_request = len(server.connections)
        assert after_request >= 1
        # No request meanwhile: the probe tries again on its own, every 0.2 s (each try
        # waits 0.1 s for its answer; a busy machine may have let it try during the request).
        time.sleep(1.5)
        assert len(server.connections) >= after_request + 2
    finally:
        server.close()
    # Still unreachable at every try: logged once within LOG_SECONDS.
    assert len(outage_warnings(caplog)) == 1


def test_healthz_says_degraded_with_200_while_the_database_answers(client, unreachable_redis):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "search": {"backend": "database", "state": "ok"},
        "cache": "error",
    }


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("coordinatrice", "c@example.org", PASSWORD)


def login(client, password):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "coordinatrice", "password": password},
        REMOTE_ADDR="203.0.113.7",
    )


def test_an_editor_logs_in_and_publishes_during_the_outage(
    client, site_tree, editor, unreachable_redis
):
    assert login(client, PASSWORD).status_code == 302
    # The session lives in the database: the next request is still signed in.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    item = NewsPageFactory(parent=site_tree.news_index, title="Brouillon", publish=False)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[item.pk]),
        news_form("Publié pendant la panne", item.slug, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content[:2000]
    assert Page.objects.get(pk=item.pk).live
    client.logout()
    assert "Publié pendant la panne" in client.get(site_tree.news_index.url).text


def test_the_login_lockout_holds_during_the_outage(client, editor, unreachable_redis):
    for _attempt in range(5):
        login(client, "wrong-password")
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # to the login
