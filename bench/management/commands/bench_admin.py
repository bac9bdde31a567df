"""``manage.py bench_admin --summary site.json``: the admin as a regional coordinator, timed.

Run by ``make bench`` (``bench/run.py``) on the site ``build_bench_site`` made. Signed in
as a coordinator of the first region (a user of the region's own group, made here), it
requests each view the coordinator lives in ``--repeat`` times through Django's request
handler (every middleware, no network) and reports p50, p95 and the worst time with the
number of SQL queries. With ``--base-url`` (the gunicorn server of the cached pass), it
also publishes a new title and times until an anonymous visitor of that server sees it.
The figures go to ``--out`` as JSON; targets are judged by ``bench/run.py``.
"""

import json
import secrets
import statistics
import time
import urllib.request
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from regions.permissions import region_group_name

USERNAME = "bench-coordinator"


def article_form(page, title, action):
    """The news page's edit form as the admin sends it, with ``title``."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "kind": page.kind,
            "date": page.date.isoformat(),
            "intro": page.intro,
            "body": streamfield([("paragraph", rich_text("<p>Texte</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return data


def percentile(values, p):
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))], 1)


class Command(BaseCommand):
    help = "Time the admin views a regional coordinator uses, with their query counts."

    def add_arguments(self, parser):
        parser.add_argument("--summary", type=Path, required=True, help="build_bench_site's.")
        parser.add_argument("--out", type=Path, required=True, help="JSON file of figures.")
        parser.add_argument("--repeat", type=int, default=20, help="Requests per view.")
        parser.add_argument(
            "--base-url", default="", help="A server of this database for publish-to-visible."
        )

    def handle(self, *args, summary, out, repeat, base_url, **options):
        admin = json.loads(summary.read_text())["admin"]
        region = Page.objects.get(pk=admin["region_id"]).specific
        article = Page.objects.get(pk=admin["article_id"]).specific
        group = Group.objects.filter(name=region_group_name(region)).first()
        if group is None:
            raise CommandError(f"No coordination group for {region.title}.")
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.groups.set([group])
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)

        edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
        views = {
            "explorer of the region": ("get", reverse("wagtailadmin_explore", args=[region.pk])),
            "edit view of an article": ("get", edit),
            "save a draft": ("post", edit, "action-save"),
            "publish": ("post", edit, "action-publish"),
            "page chooser": ("get", reverse("wagtailadmin_choose_page_child", args=[region.pk])),
            "page chooser search": (
                "get",
                reverse("wagtailadmin_choose_page_search") + "?q=cooperative",
            ),
            "image chooser on the collection": (
                "get",
                reverse("wagtailimages_chooser:choose")
                + f"?collection_id={admin['collection_id']}",
            ),
            "admin search": ("get", reverse("wagtailadmin_pages:search") + "?q=cooperative"),
        }

        def send(method, url, action=None, title=None):
            if method == "post":
                form = article_form(article, title or article.title, action)
                response = client.post(url, form)
                expected = 302
            else:
                response = client.get(url)
                expected = 200
            if response.status_code != expected:
                raise CommandError(f"{url} answered {response.status_code}")
            return response

        figures = {"images_in_collection": admin["images"], "views": {}}
        for name, (method, url, *action) in views.items():
            send(method, url, *action)  # one-off work first
            with CaptureQueriesContext(connection) as queries:
                send(method, url, *action)
            count = len(queries.captured_queries)  # read now: each request empties the log
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                send(method, url, *action)
                times.append((time.perf_counter() - started) * 1000)
            figures["views"][name] = {
                "queries": count,
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": percentile(times, 95),
                "max_ms": round(max(times), 1),
                "requests": repeat,
            }
            self.stdout.write(
                f"  {name}: p95 {figures['views'][name]['p95_ms']} ms, "
                f"{figures['views'][name]['queries']} queries"
            )

        if base_url:
            figures["publish_to_visible"] = self.publish_to_visible(
                send, edit, article, base_url.rstrip("/")
            )
            self.stdout.write(
                f"  publish to visible: {figures['publish_to_visible']['visible_ms']} ms"
            )
        out.write_text(json.dumps(figures, indent=2))

    def publish_to_visible(self, send, edit, article, base_url):
        """Fill the server's page cache with the article, publish a new title, and poll the
        article as an anonymous visitor until the title shows (10 s at most)."""
        url = base_url + article.get_url()

        def visible(marker):
            with urllib.request.urlopen(url, timeout=10) as response:
                return marker in response.read().decode()

        visible("")  # the cache holds the page now
        marker = f"Publication {secrets.token_hex(4)}"
        started = time.perf_counter()
        send("post", edit, "action-publish", title=marker)
        published = time.perf_counter()
        polls = 0
        while not visible(marker):
            polls += 1
            if time.perf_counter() - started > 10:
                raise CommandError(f"{url} did not show the new title within 10 s")
            time.sleep(0.01)
        return {
            "publish_ms": round((published - started) * 1000, 1),
            "visible_ms": round((time.perf_counter() - started) * 1000, 1),
            "polls": polls,
        }
