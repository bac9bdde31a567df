"""PostgreSQL faults and two application servers, for real.

A PostgreSQL cluster of the tests' own (Debian's programs, on a free port: it can be
restarted and have its connections killed without touching anyone else's), a Redis of
their own, and two gunicorn instances with the production settings on different ports
sharing both and one media folder, as two machines behind a load balancer would.

- A connection killed server-side (``pg_terminate_backend``) costs one 503 at most, then
  200s: Django checks a kept connection before using it (``CONN_HEALTH_CHECKS``).
- A restart under load: meanwhile, pages that need the database answer a 503 page in the
  visitor's language and ``/healthz`` 503; afterwards, 200s from the same workers.
- A page published through one server is fresh on the other at the next request; an image
  uploaded through one is served by the other; ``publish_scheduled`` run on both at once
  publishes each page once.
"""

import io
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from urllib.parse import quote

import pytest
from PIL import Image

from tests.helpers import news_form
from tests.servers import (
    PG_BIN,
    ROOT,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    Session,
    django_code,
    get,
    page_title,
    run_python,
    site_environment,
    wait_until,
)

pytestmark = [pytest.mark.server]

PASSWORD = "Une-phrase-de-passe-solide-2010"
SEARCH = "/fr/recherche/?q=entrepreneurs"  # never cached: every request reads the database

BUILD = f"""
import json
from django.contrib.auth import get_user_model
from home.factories import NewsPageFactory, build_site_tree
tree = build_site_tree()
item = NewsPageFactory(parent=tree.news_index, title="Forum des entrepreneurs sociaux")
get_user_model().objects.create_superuser("editrice", "editrice@example.org", {PASSWORD!r})
print(json.dumps({{"item": item.pk, "item_url": item.url, "item_slug": item.slug,
                  "news_index": tree.news_index.pk, "news_url": tree.news_index.url}}))
"""


@pytest.fixture(scope="module")
def postgres():
    if not (PG_BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL 15's programs are missing from {PG_BIN}: run make services")
    cluster = PostgresCluster()
    cluster.start()
    cluster.sql("CREATE DATABASE ess")
    yield cluster
    cluster.remove()


@pytest.fixture(scope="module")
def stack(tmp_path_factory, postgres, collected_static):
    """The migrated site on the cluster, a Redis, and two servers A and B."""
    folder = tmp_path_factory.mktemp("two-servers")
    redis = RedisServer(folder).start()
    env = site_environment(
        DATABASE_URL=postgres.url("ess"),
        REDIS_URL=redis.url(0),
        STATIC_ROOT=collected_static,
        MEDIA_ROOT=folder / "media",
        DATABASE_CONNECT_TIMEOUT=2,
    )
    run_python(env, "manage.py", "migrate", "--noinput", "-v0", timeout=1200)
    pages = json.loads(django_code(env, BUILD).strip().splitlines()[-1])
    servers = [Gunicorn(env, folder, workers=2, name=name) for name in ("a", "b")]
    try:
        for server in servers:
            server.start()
        yield {"env": env, "pages": pages, "a": servers[0], "b": servers[1], "pg": postgres}
    finally:
        for server in servers:
            server.stop()
        redis.stop()


def site_connections(postgres):
    return postgres.sql(
        "SELECT pid FROM pg_stat_activity WHERE datname = 'ess' AND pid <> pg_backend_pid()"
    )


# --- PostgreSQL faults ---------------------------------------------------------------------


def test_a_connection_killed_server_side_costs_one_503_at_most(stack):
    server, postgres = stack["a"], stack["pg"]
    for _ in range(10):  # every worker holds a connection (CONN_MAX_AGE)
        assert get(server.port, SEARCH).status == 200
    killed = postgres.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = 'ess' AND pid <> pg_backend_pid()"
    )
    assert killed, "the workers held no connection"
    statuses = Counter(get(server.port, SEARCH).status for _ in range(20))
    assert statuses[503] <= 1, statuses
    assert set(statuses) <= {200, 503}, statuses
    assert statuses[200] >= 19
    assert site_connections(postgres), "the workers connected again"


class Load:
    """Requests one after the other from a thread, each with its time and outcome."""

    def __init__(self, port, paths):
        self.port, self.paths = port, paths
        self.results = []  # (time.monotonic(), path, status or the exception's name)
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        number = 0
        while self.running:
            path = self.paths[number % len(self.paths)]
            number += 1
            try:
                outcome = get(self.port, path, timeout=30).status
            except OSError as error:
                outcome = type(error).__name__
            self.results.append((time.monotonic(), path, outcome))
            time.sleep(0.02)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join(timeout=60)


def test_a_restart_under_load_gives_503_pages_then_200s_from_the_same_workers(stack):
    server, postgres, pages = stack["a"], stack["pg"], stack["pages"]
    workers = set(server.workers())
    english = SEARCH.replace("/fr/recherche/", "/en/search/")
    with Load(server.port, [SEARCH, english, pages["news_url"] + "?page=1"]) as load:
        time.sleep(1)
        postgres.stop("fast")
        stopped = time.monotonic()
        try:
            wait_until(lambda: any(r[2] == 503 for r in load.results), 30, "no 503 seen")
            french = get(server.port, SEARCH)
            english_page = get(server.port, english, headers={"Accept-Language": "en"})
            health = get(server.port, "/healthz")
        finally:
            postgres.start()
        restarted = time.monotonic()
        wait_until(
            lambda: [r[2] for r in load.results if r[0] > restarted][-5:] == [200] * 5,
            60,
            "no 200 after the restart",
        )
        recovered = time.monotonic()
        time.sleep(2)

    assert french.status == 503 and french.headers["retry-after"] == "30"
    assert "Le site est momentanément indisponible" in french.text
    assert '<html lang="fr"' in french.text and "Traceback" not in french.text
    assert english_page.status == 503
    assert "The site is temporarily unavailable" in english_page.text
    assert health.status == 503 and health.json()["database"] == "error"
    # Every answer was a page: 200 before and after, 503 meanwhile; never a 500 or a
    # dropped connection.
    outcomes = Counter(r[2] for r in load.results)
    assert set(outcomes) <= {200, 503}, outcomes
    assert all(r[2] == 200 for r in load.results if r[0] < stopped - 0.5)
    after = [r[2] for r in load.results if r[0] > recovered]
    assert after and set(after) == {200}, Counter(after)
    # The same workers, none restarted.
    assert set(server.workers()) == workers
    assert get(server.port, "/healthz").json()["database"] == "ok"


# --- Two application servers -----------------------------------------------------------------


def test_a_page_published_through_one_server_is_fresh_on_the_other(stack):
    a, b, pages = stack["a"], stack["b"], stack["pages"]
    for url in (pages["item_url"], pages["news_url"]):
        get(b.port, url)
        assert get(b.port, url).headers["x-page-cache"] == "hit"
    assert page_title(get(b.port, pages["item_url"]).text) == "Forum des entrepreneurs sociaux"

    editor = Session(a.port).login("editrice", PASSWORD)
    response = editor.post(
        f"/admin/pages/{pages['item']}/edit/",
        news_form(
            "Forum régional des entrepreneurs sociaux",
            pages["item_slug"],
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status == 302, response.text[:3000]

    for _ in range(6):  # whichever worker of B answers
        assert page_title(get(b.port, pages["item_url"]).text) == (
            "Forum régional des entrepreneurs sociaux"
        )
        assert "Forum régional des entrepreneurs sociaux" in get(b.port, pages["news_url"]).text


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), (0, 90, 82)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_uploaded_through_one_server_is_served_by_the_other(stack):
    a, b, postgres = stack["a"], stack["b"], stack["pg"]
    content = png()
    editor = Session(a.port).login("editrice", PASSWORD)
    response = editor.post(
        "/admin/images/add/",
        {"title": "Atelier de Rennes", "collection": "1"},
        files={"file": ("atelier.png", content, "image/png")},
    )
    assert response.status == 302, response.text[:3000]
    (name,) = postgres.sql(
        "SELECT file FROM wagtailimages_image WHERE title = 'Atelier de Rennes'", "ess"
    )[0]
    served = get(b.port, f"/media/{name}")
    assert served.status == 200
    assert served.body == content


SCHEDULE = """
import datetime, json
from django.utils import timezone
from home.factories import NewsPageFactory
from wagtail.models import Page, Revision
parent = Page.objects.get(pk={parent})
soon = timezone.now() + datetime.timedelta(days=1)
pks = []
for number in range({count}):
    page = NewsPageFactory(parent=parent, title=f"Communiqué sous embargo {{number}}",
                           live=False, go_live_at=soon)
    pks.append(page.pk)
# The embargo has passed (in the scheduled revisions too).
past = timezone.now() - datetime.timedelta(minutes=1)
for revision in Revision.objects.filter(object_id__in=[str(pk) for pk in pks]).exclude(
    approved_go_live_at=None
):
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
Page.objects.filter(pk__in=pks).update(go_live_at=past)
print(json.dumps(pks))
"""


def test_publish_scheduled_on_both_servers_at_once_publishes_each_page_once(stack):
    env, pages, postgres = stack["env"], stack["pages"], stack["pg"]
    count = 30
    pks = json.loads(
        django_code(env, SCHEDULE.format(parent=pages["news_index"], count=count)).splitlines()[-1]
    )
    ids = ",".join(map(str, pks))
    live = f"SELECT count(*) FROM wagtailcore_page WHERE live AND id IN ({ids})"
    assert postgres.sql(live, "ess")[0][0] == 0
    # Both schedulers are started at the same moment, as one cron line on each machine.
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "publish_scheduled", "-v2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    log = dict(
        postgres.sql(
            "SELECT page_id, count(*) FROM wagtailcore_pagelogentry "
            f"WHERE action = 'wagtail.publish.scheduled' AND page_id IN ({ids}) GROUP BY page_id",
            "ess",
        )
    )
    assert log == {pk: 1 for pk in pks}
    assert postgres.sql(live, "ess")[0][0] == count
    api = "/api/v2/pages/?type=news.NewsPage&title=" + quote("Communiqué sous embargo 29")
    for server in (stack["a"], stack["b"]):
        assert get(server.port, api).json()["meta"]["total_count"] == 1
