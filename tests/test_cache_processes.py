"""The page cache across processes, against gunicorn with the production settings.

A change made by another process (a management command, cron, another worker) shows on
the next request of every worker: with the embedded default (no ``REDIS_URL``: the file
cache every process of the machine shares), and with Redis. Redis stopped, or hanging,
under the running server: pages are served uncached with 200s, ``/healthz`` says
"degraded", and the cache comes back by itself, with no page kept from before a change
made meanwhile. Each server is gunicorn with two workers on a free port, on a migrated
SQLite file; the Redis servers are the tests' own (``redis-server`` on a free port).
"""

import datetime
import email.utils
import json
import shutil
import subprocess
import sys
import time

import pytest

from tests.servers import (
    ROOT,
    Gunicorn,
    RedisServer,
    django_code,
    get,
    site_environment,
    wait_until,
)

pytestmark = [pytest.mark.server]

API_LISTING = "/api/v2/pages/?type=news.NewsPage&fields=title&limit=100"

BUILD = """
import json
from home.factories import NewsPageFactory, build_site_tree
tree = build_site_tree()
for number in range(16):
    NewsPageFactory(parent=tree.news_index, title=f"Actualité déjà là {number}")
print(json.dumps({"news_index": tree.news_index.pk, "news_url": tree.news_index.url}))
"""


def feed(path, count):
    today = email.utils.format_datetime(datetime.datetime.now(datetime.UTC))
    items = "".join(
        f"<item><title>Actualité importée {number}</title>"
        f"<link>https://ancien.example.org/{number}</link>"
        f"<guid>import-{number}</guid><pubDate>{today}</pubDate>"
        f"<description>Texte {number}</description></item>"
        for number in range(count)
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Ancien site</title><link>https://ancien.example.org/</link>{items}"
        "</channel></rss>"
    )
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_sqlite, collected_static):
    """A migrated SQLite site with the small tree and 16 news items; its environment."""
    folder = tmp_path_factory.mktemp("processes")
    shutil.copy(migrated_sqlite, folder / "db.sqlite3")
    env = site_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        STATIC_ROOT=collected_static,
        MEDIA_ROOT=folder / "media",
        CACHE_DIR=folder / "cache",
        REDIS_RETRY_SECONDS=0.5,
    )
    pages = json.loads(django_code(env, BUILD).strip().splitlines()[-1])
    return folder, env, pages


@pytest.fixture(scope="module")
def default_server(site):
    folder, env, pages = site
    server = Gunicorn(env, folder, workers=2, name="default").start()
    yield server, env, pages
    server.stop()


def total(port, path=API_LISTING):
    response = get(port, path)
    assert response.status == 200, response.text[:500]
    return response.json()["meta"]["total_count"], response.headers.get("x-page-cache")


def every_worker(port, path, times=8):
    """What ``path`` answers on several requests in a row (gunicorn picks the worker)."""
    return [get(port, path) for _ in range(times)]


def test_a_command_in_another_process_shows_on_the_next_request(default_server):
    """The issue's measure: an API listing cached before an import of 30 news items kept
    answering 16 while a new URL answered 46."""
    server, env, pages = default_server
    port = server.port
    for _ in range(4):
        assert total(port)[0] == 16
    assert total(port)[1] == "hit"
    listing_before = get(port, pages["news_url"]).text
    assert "Actualité importée" not in listing_before

    source = feed(server.log_path.parent / "feed.xml", 30)
    django_code(
        env,
        "from django.core.management import call_command\n"
        f"call_command('import_feed', {str(source)!r}, '--parent', '{pages['news_index']}',"
        " '--kind', 'relay')",
    )

    for response in every_worker(port, API_LISTING):
        assert response.json()["meta"]["total_count"] == 46
    assert total(port, API_LISTING + "&offset=0")[0] == 46  # a URL never asked before agrees
    for response in every_worker(port, pages["news_url"]):
        assert "Actualité importée" in response.text
    # And the cache is used again at once.
    assert total(port)[1] == "hit"


HELD_OPEN = """
import sys, time
from pathlib import Path
from django.db import transaction
from home.factories import NewsPageFactory
from wagtail.models import Page
ready, go = Path(sys.argv[1]), Path(sys.argv[2])
with transaction.atomic():
    NewsPageFactory(parent=Page.objects.get(pk={parent}), title="Publiée avant le commit")
    ready.touch()
    while not go.exists():
        time.sleep(0.05)
"""


def test_a_page_rendered_before_the_change_is_committed_is_not_kept(default_server, tmp_path):
    """Publishing changes the generation inside its transaction; a worker that renders the
    listing before the commit reads the old data under the new number. The number changes
    again at the commit, so that page is not served afterwards."""
    server, env, pages = default_server
    port = server.port
    ready, go = tmp_path / "ready", tmp_path / "go"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import django; django.setup()\n" + HELD_OPEN.format(parent=pages["news_index"]),
            str(ready),
            str(go),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until(lambda: ready.exists() or writer.poll() is not None, 120, "no publication")
        assert writer.poll() is None, writer.stdout.read()
        # The transaction is open: every worker renders, and stores, the listing without it.
        for response in every_worker(port, pages["news_url"], times=4):
            assert "Publiée avant le commit" not in response.text
        assert get(port, pages["news_url"]).headers.get("x-page-cache") == "hit"
        go.touch()
        assert writer.wait(timeout=60) == 0, writer.stdout.read()
    finally:
        go.touch()
        writer.kill()
    for response in every_worker(port, pages["news_url"]):
        assert "Publiée avant le commit" in response.text


# --- Redis stopped or hanging under the running server -------------------------------------


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    redis = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield redis
    redis.stop()


@pytest.fixture(scope="module")
def redis_site(site, redis_server):
    folder, env, pages = site
    env = {**env, "REDIS_URL": redis_server.url(0)}
    server = Gunicorn(env, folder, workers=2, name="redis").start()
    yield server, env, pages
    server.stop()


def hits_again(port, path):
    """Wait until ``path`` is served from the cache again (the second of two requests)."""

    def hit():
        get(port, path)
        return get(port, path).headers.get("x-page-cache") == "hit"

    wait_until(hit, 30, f"{path} never came from the cache again", 0.2)


def publish_news(env, parent, title):
    """Publish a news item from a process of its own, as a command or cron would."""
    django_code(
        env,
        "from home.factories import NewsPageFactory\nfrom wagtail.models import Page\n"
        f"NewsPageFactory(parent=Page.objects.get(pk={parent}), title={title!r})",
    )


def test_redis_stopped_gives_uncached_200s_and_comes_back(redis_site, redis_server):
    server, env, pages = redis_site
    port, url = server.port, pages["news_url"]
    hits_again(port, url)
    assert get(port, "/healthz").json()["cache"] == "ok"

    redis_server.stop()
    started = time.monotonic()
    for response in every_worker(port, url, times=20):
        assert response.status == 200
        assert "x-page-cache" not in response.headers  # neither served nor stored
    health = get(port, "/healthz")
    assert health.status == 200
    assert health.json()["status"] == "degraded" and health.json()["cache"] == "error"
    # A change made meanwhile by another process shows at once (nothing is cached).
    publish_news(env, pages["news_index"], "Publiée pendant la panne de Redis")
    for response in every_worker(port, url):
        assert "Publiée pendant la panne de Redis" in response.text
    outage = time.monotonic() - started

    redis_server.start()  # on the same port, empty
    hits_again(port, url)
    assert "Publiée pendant la panne de Redis" in get(port, url).text
    assert get(port, "/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "search": {"backend": "database", "state": "ok"},
        "cache": "ok",
    }
    # Logged once per worker when Redis went away (not per request), once when it came back.
    log = server.log_text()
    assert 1 <= log.count("unreachable (") <= 2, log[-3000:]
    assert log.count("still unreachable") <= 2 * (1 + outage // 60)
    assert 1 <= log.count("reachable again") <= 2


def test_a_hanging_redis_gives_200s_and_no_stale_page_once_it_answers(redis_site, redis_server):
    """SIGSTOP: Redis keeps its data but answers nothing; every operation would time out.
    A change made meanwhile could not change the generation in Redis: once Redis answers
    again, the processes that saw it hang forget the generation before using it."""
    server, env, pages = redis_site
    port, url = server.port, pages["news_url"]
    hits_again(port, url)

    redis_server.pause()
    try:
        for response in every_worker(port, url, times=20):
            assert response.status == 200
            assert "x-page-cache" not in response.headers
        publish_news(env, pages["news_index"], "Publiée pendant que Redis ne répond plus")
        for response in every_worker(port, url):
            assert "Publiée pendant que Redis ne répond plus" in response.text
        assert get(port, "/healthz").json()["status"] == "degraded"
    finally:
        redis_server.resume()

    # Each worker that saw Redis hang tries it again every REDIS_RETRY_SECONDS (0.5 s here)
    # and forgets the generation then: from there on, no page from before the change.
    time.sleep(1.5)
    hits_again(port, url)
    for response in every_worker(port, url, times=12):
        assert "Publiée pendant que Redis ne répond plus" in response.text
    assert get(port, "/healthz").json()["status"] == "ok"
