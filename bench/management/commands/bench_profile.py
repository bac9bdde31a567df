"""``manage.py bench_profile /fr/chantiers/x/ --repeat 50``: where a page's time goes.

Renders each URL ``--repeat`` times through Django's request handler (every middleware,
no network) as an anonymous visitor, after one request for one-off work, and prints the
median time, the queries of one render with their total time, and cProfile's functions
with the most cumulative time. Run it against a bench site (``DATABASE_URL`` of the
bench's database, ``CACHE_MIDDLEWARE_SECONDS=0``), as docs/performance.md describes.
"""

import cProfile
import io
import pstats
import statistics
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class Command(BaseCommand):
    help = "Profile the render of public URLs: time, queries and cProfile's top functions."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+")
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--top", type=int, default=25, help="Functions listed (0: none).")
        parser.add_argument(
            "--queries", action="store_true", help="Print each query of one render."
        )

    def handle(self, *args, urls, repeat, top, queries, **options):
        client = Client()
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            captured = list(captured.captured_queries)
            sql_ms = sum(float(q["time"]) for q in captured) * 1000
            times = []
            profiler = cProfile.Profile()
            for _ in range(repeat):
                started = time.perf_counter()
                if top:
                    profiler.enable()
                client.get(url)
                if top:
                    profiler.disable()
                times.append((time.perf_counter() - started) * 1000)
            self.stdout.write(
                f"{url}: median {statistics.median(times):.1f} ms (min {min(times):.1f}), "
                f"{len(captured)} queries, {sql_ms:.1f} ms in SQL"
            )
            if queries:
                shapes = Counter()
                for query in captured:
                    shapes[query["sql"][:160]] += 1
                    self.stdout.write(
                        f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}"
                    )
                for shape, count in shapes.most_common(5):
                    if count > 1:
                        self.stdout.write(f"  ×{count}: {shape}")
            if top:
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out)
                stats.sort_stats("cumulative").print_stats(top)
                self.stdout.write(out.getvalue())
