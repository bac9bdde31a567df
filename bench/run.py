"""``make bench``: build a large site, serve it with gunicorn, load it, report the figures.

For each database (SQLite and PostgreSQL by default):

1. create an empty database of its own (``bench/out/bench.sqlite3``, or ``ess_bench`` on
   the PostgreSQL server of ``--postgres``), migrate it, build the synthetic site
   (``manage.py build_bench_site``) and time ``update_index``;
2. start gunicorn with the production settings and the page cache off, time the first
   response, load each page type with wrk (or a Python load generator when wrk is not
   installed) from this second process, read each worker's memory from ``/proc``;
3. the same with the page cache on (Redis, ``--redis-url``), and the static file served
   by whitenoise as the ceiling.

Search (never cached) is measured at every size of ``--search-sizes`` (one extra
PostgreSQL build per size beyond ``--pages``). With ``--engine`` (a SEARCH_URL; ``make bench``
starts ``make search-engine`` and names it), ``update_index`` of the large site and of the
demo site into that engine is timed, and search is loaded again on the engine. The load is bounded (``--duration``
seconds per page type, ``--connections`` connections) and only ever sent to 127.0.0.1.

It prints a table, writes ``bench/out/results.json`` and rewrites ``docs/performance.md``
with the run's date and machine. Targets are reported, never asserted.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DOCS = ROOT / "docs" / "performance.md"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
PORT = 8090  # 8000 + 10 × issue 9
STATIC_PATH = "/static/css/site.css"
# The production settings refuse a weak key: each run draws its own.
SECRET_KEY = secrets.token_urlsafe(50)
API_PATH = "/api/v2/pages/?type=news.NewsPage&locale=fr&fields=kind,date,themes&limit=20"


def log(message):
    print(message, flush=True)


# --- databases and the site -----------------------------------------------------------


def database_url(kind, name, postgres):
    if kind == "sqlite":
        return f"sqlite:///{OUT / (name + '.sqlite3')}"
    return f"{postgres.rstrip('/')}/{name}"


def reset_database(kind, name, postgres):
    if kind == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            (OUT / f"{name}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(f"{postgres.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def environment(db_url, args, cached, fragments=True):
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=f"{HOST},localhost",
        DEBUG="False",
        DATABASE_URL=db_url,
        STATIC_ROOT=str(OUT / "static"),
        MEDIA_ROOT=str(OUT / "media"),
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        # "Uncached" switches the whole-response cache off: every request renders its
        # page. The site chrome (menu, footer) stays in Redis, as in production.
        CACHE_MIDDLEWARE_SECONDS="300" if cached else "0",
        # Without fragments, every listing is read and rendered on every request: what the
        # first visitor after a change waits for (core/fragments.py).
        FRAGMENT_CACHE_SECONDS="3600" if fragments else "0",
        WEB_CONCURRENCY=str(args.workers),
        # The admin pass signs its coordinator in without a second factor.
        ADMIN_2FA_REQUIRED="False",
    )
    # Without --redis-url the site keeps its embedded cache (the test of the benchmark
    # runs where no Redis is started); the real run measures with Redis, as in production.
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env, *arguments):
    started = time.monotonic()
    subprocess.run([str(PYTHON), "manage.py", *arguments], cwd=ROOT, env=env, check=True)
    return round(time.monotonic() - started, 2)


def summary_path(kind, pages):
    return OUT / f"site-{kind}-{pages}.json"


def build(kind, name, pages, args):
    reset_database(kind, name, args.postgres)
    env = environment(database_url(kind, name, args.postgres), args, cached=False)
    summary = summary_path(kind, pages)
    log(f"[{kind}] migrate")
    timings = {"migrate_s": manage(env, "migrate", "--noinput", "-v0")}
    log(f"[{kind}] build_bench_site --pages {pages}")
    timings["build_s"] = manage(
        env, "build_bench_site", "--pages", str(pages), "--summary", str(summary)
    )
    log(f"[{kind}] update_index")
    timings["update_index_s"] = manage(env, "update_index", "-v0")
    if kind == "postgres":
        # What autovacuum does soon after a bulk load: statistics for the planner.
        import psycopg

        started = time.monotonic()
        with psycopg.connect(database_url(kind, name, args.postgres), autocommit=True) as db:
            db.execute("VACUUM ANALYZE")
        timings["analyze_s"] = round(time.monotonic() - started, 2)
    return timings, json.loads(summary.read_text())


# --- the server ---------------------------------------------------------------------


class Server:
    def __init__(self, env, workers):
        self.env = env
        self.workers = workers
        self.process = None

    def __enter__(self):
        self.log = open(OUT / "gunicorn.log", "ab")  # noqa: SIM115
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "config.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"{HOST}:{PORT}",
                "--log-level",
                "warning",
                "--timeout",
                "180",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = started + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.close()
                raise RuntimeError("gunicorn stopped; see bench/out/gunicorn.log")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{PORT}/fr/", timeout=10) as r:
                    if r.status == 200:
                        self.first_response_s = round(time.monotonic() - started, 2)
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        # No answer: stop the server before saying so, or it keeps the port.
        self.__exit__(None, None, None)
        raise RuntimeError("gunicorn gave no answer within 180 s; see bench/out/gunicorn.log")

    def worker_rss_mb(self):
        workers = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(self.process.pid):
                workers.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
        return sorted(workers)

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)  # the group this run started
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()


# --- the load ---------------------------------------------------------------------------


def fetch(path):
    connection = HTTPConnection(HOST, PORT, timeout=180)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def load(paths, args, warm_all=False):
    """Load ``paths`` (in turn) for ``args.duration`` seconds; return the figures."""
    # One-off work (renditions; with the cache on, the first fill of every URL) first.
    for path in paths if warm_all else paths[:10]:
        status = fetch(path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    if shutil.which("wrk"):
        command = [
            "wrk",
            "-t",
            str(min(args.connections, 2)),
            "-c",
            str(args.connections),
            "-d",
            f"{args.duration}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            f"http://{HOST}:{PORT}",
            "--",
            *paths,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        figures = json.loads(output.strip().splitlines()[-1])
    else:
        figures = python_load(paths, args)
    try:
        fetch(STATIC_PATH)  # let the workers finish what the load left queued
    except OSError as error:
        log(f"  (the server was still busy after the load: {error})")
    return figures


def python_load(paths, args):
    """A small threaded load generator, used when wrk is not installed."""
    latencies, non_2xx, errors = [], [0], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + args.duration

    def worker(offset):
        counter = offset
        while time.monotonic() < deadline:
            path = paths[counter % len(paths)]
            counter += 1
            started = time.monotonic()
            try:
                status = fetch(path)
            except OSError:
                with lock:
                    errors[0] += 1
                continue
            elapsed = (time.monotonic() - started) * 1000
            with lock:
                latencies.append(elapsed)
                non_2xx[0] += not 200 <= status < 300

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))], 2)

    return {
        "requests": len(latencies),
        "seconds": round(seconds, 3),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": percentile(50),
        "p95_ms": percentile(95),
        "p99_ms": percentile(99),
        "non_2xx": non_2xx[0],
        "socket_errors": errors[0],
    }


def page_types(summary):
    fr, en = summary["urls"]["fr"], summary["urls"]["en"]
    types = {name: value if isinstance(value, list) else [value] for name, value in fr.items()}
    types = {name: paths for name, paths in types.items() if paths}  # a tiny site may lack some
    types["home (en)"] = [en["home"]]
    types["article (en)"] = en["article"]
    types["API listing"] = [API_PATH]
    return types  # page URLs come percent-encoded already


def search_paths(summary):
    search_url = quote(summary["search_url"]["fr"])  # the translated path: /fr/recherche/
    return [f"{search_url}?q={quote(term)}" for term in summary["search_terms"]]


def flush_redis(url):
    if not url:
        return
    import redis

    redis.Redis.from_url(url).flushdb()


def admin_pass(env, kind, summary_file, args):
    """The admin as a coordinator (``manage.py bench_admin``), beside the cached server:
    each view's times and queries, then publish to visible on that server."""
    out = OUT / f"admin-{kind}.json"
    log(f"[{kind}] admin as a coordinator")
    arguments = ["--summary", str(summary_file), "--out", str(out)]
    arguments += ["--repeat", str(args.admin_repeat)]
    if args.redis_url:
        # Publish to visible needs the cache the server and this process share.
        arguments += ["--base-url", f"http://{HOST}:{PORT}"]
    manage(env, "bench_admin", *arguments)
    return json.loads(out.read_text())


def serve_and_load(kind, name, summary, args, cached, fragments=True):
    env = environment(
        database_url(kind, name, args.postgres), args, cached=cached, fragments=fragments
    )
    flush_redis(args.redis_url)
    mode = "cached" if cached else "uncached" if fragments else "rendered"
    results = {}
    with Server(env, args.workers) as server:
        log(f"[{kind}] {mode}: first response after {server.first_response_s} s")
        for page_type, paths in page_types(summary).items():
            results[page_type] = load(paths, args, warm_all=cached)
            log(
                f"[{kind}] {mode} {page_type}: {results[page_type]['rps']} req/s, "
                f"p95 {results[page_type]['p95_ms']} ms, non-2xx {results[page_type]['non_2xx']}"
            )
        results["static file"] = load([STATIC_PATH], args)
        if not cached and fragments:
            results["search"] = load(search_paths(summary), args)
        figures = {
            "first_response_s": server.first_response_s,
            "worker_rss_mb": server.worker_rss_mb(),
            "results": results,
        }
        if cached and fragments:
            figures["admin"] = admin_pass(env, kind, summary_path(kind, summary["pages"]), args)
        return figures


def engine_address(search_url):
    """The http(s) address of a SEARCH_URL (``opensearch://127.0.0.1:9200``)."""
    scheme, _, address = search_url.partition("://")
    secure = scheme == "https" or scheme.endswith("+https")
    return f"{'https' if secure else 'http'}://{address.rsplit('@', 1)[-1]}"


def engine_version(search_url):
    with urllib.request.urlopen(engine_address(search_url) + "/", timeout=5) as response:
        version = json.load(response)["version"]
    return f"{version.get('distribution', 'elasticsearch')} {version['number']}"


def engine_pass(kind, summary, args):
    """``update_index`` into the engine of the large site (built already) and of the demo
    site, timed; then search loaded on the engine."""
    engine = {"SEARCH_URL": args.engine, "SEARCH_INDEX_PREFIX": "bench_"}
    env = environment(database_url(kind, args.database, args.postgres), args, cached=False)
    env.update(engine)
    figures = {"engine": engine_version(args.engine), "database": kind, "pages": args.pages}
    log(f"[engine] update_index of the {args.pages}-page site into {figures['engine']}")
    figures["update_index_s"] = manage(env, "update_index", "-v0")
    with Server(env, args.workers):
        figures["search"] = load(search_paths(summary), args)
    log(
        f"[engine] search: p50 {figures['search']['p50_ms']} ms, "
        f"p95 {figures['search']['p95_ms']} ms"
    )
    reset_database(kind, f"{args.database}_demo", args.postgres)
    demo = environment(
        database_url(kind, f"{args.database}_demo", args.postgres), args, cached=False
    )
    manage(demo, "migrate", "--noinput", "-v0")
    log("[engine] load_demo_content, then its update_index into the engine")
    manage(demo, "load_demo_content", "-v0")
    demo.update(engine, SEARCH_INDEX_PREFIX="bench_demo_")
    figures["demo_pages"] = int(
        subprocess.run(
            [
                str(PYTHON),
                "manage.py",
                "shell",
                "--no-imports",
                "-v0",
                "-c",
                "from wagtail.models import Page; print(Page.objects.filter(depth__gt=1).count())",
            ],
            cwd=ROOT,
            env=demo,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    figures["demo_update_index_s"] = manage(demo, "update_index", "-v0")
    return figures


# --- the report ---------------------------------------------------------------------------


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
        "wrk": bool(shutil.which("wrk")),
    }


def table(run):
    uncached = run["uncached"]["results"]
    cached = run["cached"]["results"]
    rendered = run.get("rendered", {}).get("results", {})
    ceiling = cached["static file"]["rps"] or 1
    lines = [
        "| page type | uncached req/s | p50 | p95 | p99 | cached req/s | p50 | p95 | p99 "
        "| cached / static | all rendered p50 | p95 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page_type in uncached:
        u = uncached[page_type]
        c = cached.get(page_type)
        cached_cells = (
            f"{c['rps']:.0f} | {c['p50_ms']:.1f} | {c['p95_ms']:.1f} | {c['p99_ms']:.1f} "
            f"| {c['rps'] / ceiling:.2f}"
            if c
            else "never cached | | | | "
        )
        r = rendered.get(page_type)
        rendered_cells = f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f}" if r else " | "
        errors = sum(
            figures.get(key, 0)
            for figures in (u, c or {}, r or {})
            for key in ("non_2xx", "socket_errors")
        )
        lines.append(
            f"| {page_type} | {u['rps']:.0f} | {u['p50_ms']:.1f} | {u['p95_ms']:.1f} "
            f"| {u['p99_ms']:.1f} | {cached_cells} | {rendered_cells} | {errors} |"
        )
    return "\n".join(lines)


#: Pages with a form: their CSRF token keeps them out of the page cache (core/cache.py),
#: so the cached pass renders them, and the cached-page target leaves them out.
FORM_PAGES = ("join page", "contact page")


def targets(run):
    """Each target with the figure measured and whether it is met."""
    cached = run["cached"]["results"]
    uncached = run["uncached"]["results"]
    ceiling = cached["static file"]["rps"]
    pages = [name for name in cached if name not in ("static file", *FORM_PAGES)]
    worst = min(pages, key=lambda name: cached[name]["rps"])
    ratio = round(cached[worst]["rps"] / ceiling, 2) if ceiling else 0
    rendered = [name for name in uncached if name not in ("static file", "search")]
    slowest_p95 = max(rendered, key=lambda name: uncached[name]["p95_ms"])
    slowest_p99 = max(rendered, key=lambda name: uncached[name]["p99_ms"])
    p95, p99 = uncached[slowest_p95]["p95_ms"], uncached[slowest_p99]["p99_ms"]
    search = uncached["search"]["p95_ms"]
    over_p95 = [name for name in rendered if not 0 < uncached[name]["p95_ms"] < 50]
    over_p99 = [name for name in rendered if not 0 < uncached[name]["p99_ms"] < 100]
    judged = {
        f"cached page ≥ 0.8 × static req/s (worst: {worst})": (ratio, ratio >= 0.8),
        "page types at p95 ≥ 50 ms": (", ".join(over_p95) or "none", not over_p95),
        "page types at p99 ≥ 100 ms": (", ".join(over_p99) or "none", not over_p99),
        f"every uncached page p95 < 50 ms (worst: {slowest_p95})": (p95, 0 < p95 < 50),
        f"every uncached page p99 < 100 ms (worst: {slowest_p99})": (p99, 0 < p99 < 100),
        "search p95 < 100 ms": (search, 0 < search < 100),
    }
    rss = max(run["uncached"]["worker_rss_mb"] + run["cached"]["worker_rss_mb"], default=0)
    judged["memory per worker < 150 MB"] = (rss, 0 < rss < 150)
    admin = run["cached"].get("admin")
    if admin:
        views = admin["views"]
        for name in ("explorer of the region", "edit view of an article", "page chooser"):
            p95 = views[name]["p95_ms"]
            judged[f"admin {name} p95 < 300 ms"] = (p95, 0 < p95 < 300)
        publish = views["publish"]["p95_ms"]
        judged["admin publish p95 < 1 s"] = (publish, 0 < publish < 1000)
        if "publish_to_visible" in admin:
            visible = admin["publish_to_visible"]["visible_ms"]
            judged["publish to visible < 1 s"] = (visible, 0 < visible < 1000)
    return judged


def admin_table(admin):
    lines = [
        "| admin view (as a coordinator) | p50 ms | p95 ms | max ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, figures in admin["views"].items():
        lines.append(
            f"| {name} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} "
            f"| {figures['max_ms']:.1f} | {figures['queries']} |"
        )
    return "\n".join(lines)


def _targets_line(run):
    # The latency targets are set for PostgreSQL (the production database); SQLite's figures
    # are reported beside them for reference.
    judged = run["database"] == "PostgreSQL"
    return "; ".join(
        f"{name}: {value} ({('met' if met else 'MISSED') if judged else 'for reference'})"
        for name, (value, met) in targets(run).items()
    )


def markdown(results):
    m = results["machine"]
    parts = [
        "# Performance",
        "",
        "How fast the site is at size, measured by `make bench` (`bench/run.py`). This file is",
        "rewritten by each run; the raw figures are in `bench/out/results.json` (not committed).",
        "",
        "What it does: builds a synthetic two-language site (`manage.py build_bench_site`) in a",
        "database of its own, serves it with gunicorn and the production settings, and loads",
        "each page type from a second process (wrk) for a fixed time: once with the page cache",
        'off ("uncached": every request renders its page), once with it on (Redis). In both',
        "passes the site chrome (menu, footer: `home/chrome.py`) and a page's listing",
        "fragments (`core/fragments.py`) are kept in Redis until the next change, as in",
        'production; a third pass turns the fragments off too ("all rendered": what the',
        "first visitor after a change waits for, every listing read and rendered; for",
        "reference). The static file served by whitenoise is the ceiling. Search is",
        "never cached. One connection per gunicorn worker: latencies measure the page, not a",
        "queue. Latencies are in milliseconds; errors count non-2xx answers and socket errors.",
        "",
        "Targets (reported, never asserted in tests), on PostgreSQL: every page type uncached",
        "at p95 under 50 ms and p99 under 100 ms; search at p95 under 100 ms; a cached",
        "anonymous page at 0.8 or more of the static file's requests per second; memory per",
        "gunicorn worker under 150 MB after the load; as a regional coordinator, the explorer",
        "of their region, the edit view and the page chooser at p95 under 300 ms, publishing",
        "under 1 s, and a published page visible to an anonymous visitor within 1 s.",
        "",
        "The admin pass (`manage.py bench_admin`) signs in as a coordinator of the first",
        "region, whose collection holds up to 5,000 images, and requests each view through",
        "Django's handler in one process beside the cached server; publish to visible is",
        "the time from the publish POST until that server answers an anonymous visitor",
        "with the new title (cache generation bump, search index update included).",
        "",
        "## Latest run",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gb']} GB memory, {m['os']},"
        f" Python {m['python']}; load average at start {tuple(round(x, 1) for x in m['load_average_at_start'])}",
        f"- Command: `{results['command']}`",
        f"- Load: {results['settings']['duration']} s per page type, "
        f"{results['settings']['connections']} connections, "
        f"{results['settings']['workers']} gunicorn sync workers, "
        f"{'wrk' if m['wrk'] else 'Python load generator'}",
        "",
    ]
    for run in results["runs"]:
        parts += [
            f"### {run['database']}, {run['pages']:,} pages",
            "",
            f"- migrate {run['timings']['migrate_s']} s, build {run['timings']['build_s']} s,"
            f" `update_index` {run['timings']['update_index_s']} s"
            + (
                f", `VACUUM ANALYZE` {run['timings']['analyze_s']} s"
                if "analyze_s" in run["timings"]
                else ""
            ),
            f"- time to first response after start: uncached server "
            f"{run['uncached']['first_response_s']} s, cached server "
            f"{run['cached']['first_response_s']} s",
            f"- memory per worker (RSS after the load): uncached "
            f"{run['uncached']['worker_rss_mb']} MB, cached {run['cached']['worker_rss_mb']} MB",
            "",
            table(run),
            "",
        ]
        admin = run["cached"].get("admin")
        if admin:
            visible = admin.get("publish_to_visible")
            parts += [
                f"Admin as a coordinator of the first region ({admin['images_in_collection']:,}"
                " images in its collection), each view requested "
                f"{next(iter(admin['views'].values()))['requests']} times in one process"
                " beside the cached server (`manage.py bench_admin`):",
                "",
                admin_table(admin),
                "",
                (
                    f"- publish to visible to an anonymous visitor of the cached server: "
                    f"{visible['visible_ms']} ms (the publish POST {visible['publish_ms']} ms)"
                    if visible
                    else "- publish to visible: not measured (no Redis shared with the server)"
                ),
                "",
            ]
        parts += [
            "Targets: " + _targets_line(run),
            "",
        ]
    if results.get("search"):
        parts += [
            "### Search latency by site size",
            "",
            "| database | pages | `update_index` s | p50 ms | p95 ms | req/s |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for row in results["search"]:
            parts.append(
                f"| {row['database']} | {row['pages']:,} | {row['update_index_s']} "
                f"| {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['rps']:.0f} |"
            )
        parts.append("")
    engine = results.get("engine")
    if engine:
        parts += [
            f"### Search engine: {engine['engine']}",
            "",
            f"- `update_index` of the {engine['pages']:,}-page site: {engine['update_index_s']} s;"
            f" of the demo site ({engine['demo_pages']} pages): {engine['demo_update_index_s']} s",
            f"- search on the engine: p50 {engine['search']['p50_ms']:.1f} ms, p95"
            f" {engine['search']['p95_ms']:.1f} ms, {engine['search']['rps']:.0f} req/s",
            "",
        ]
    parts += [
        "## What the figures rest on",
        "",
        "- Whole responses for anonymous visitors in Redis, checked right after the security",
        "  headers and whitenoise: a hit skips sessions, authentication and CSRF, and reads the",
        "  entry and the site's generation number in one round trip (`core/cache.py`).",
        "- A fixed number of queries per page type whatever the site's size",
        "  (`tests/test_query_budgets.py`), and per admin view a coordinator uses whatever",
        "  the number of pages and images (`tests/test_admin_query_budgets.py`: the page",
        "  chooser fetches each row's schedule, workflow and parent with its listing,",
        "  `regions/wagtail_hooks.py`); the menu, footer and a listing's years kept until",
        "  the next change (`home/chrome.py`); a URL routed in one query at any depth",
        "  (`home/routing.py`); indexes on news dates and event starts.",
        "- Listing cards prefetch the six renditions their `{% picture %}` shows",
        "  (`core/images.py`): a spec missing from the prefetch is encoded again on every",
        "  request. Wagtail's view restrictions read once per request, not per listing",
        "  (`core/models/pages.py`); `url_path` indexed for routing; a listing's count and",
        "  the roadmap lines of a chantier or region kept until the next change",
        "  (`core/pagination.py`, `core.cache.remember`); upcoming and past events read",
        "  from a bound on the index of their start (`news/models.py`).",
        "- A page's listings rendered once per change for anonymous visitors and read back",
        "  from Redis (`{% fragment %}`, `core/fragments.py`): the listings enter the context",
        "  unread (`once`), so a kept fragment reads no listing at all; the keys carry the",
        "  site's generation, the language, the host, the day and the query string.",
        "  Previews, editors and parts with a CSRF token are never served from one.",
        "- Search on PostgreSQL: a GIN index on the `title || body` vector Wagtail matches, the",
        "  planner told the storage is SSD (`POSTGRES_RANDOM_PAGE_COST`), only keys read from",
        "  the ranked query, stemmed words memoised for highlighting.",
        "- The synthetic text follows Zipf's law (`bench/build_site.py`): a search for a theme",
        "  matches from 1 to 40 % of the pages, not all of them.",
        "",
    ]
    parts += _kept_sections()
    load = m["load_average_at_start"][0]
    parts += [
        "## Reading the figures",
        "",
        (
            f"The load average was {load:.1f} when the run started on {m['nproc']} CPUs, fewer"
            " runnable processes than CPUs: the figures measure the site, not a wait for a CPU."
            if load < m["nproc"]
            else f"The load average was {load:.1f} when the run started on {m['nproc']} CPUs:"
            " other work shared the machine, so absolute figures are lower than the site's"
            " own; the ratios between page types are the useful part."
        ),
        "",
    ]
    return "\n".join(parts)


#: A section of docs/performance.md written by hand (profiles, what would close a gap):
#: kept by each run, dated by its author, until someone rewrites it.
KEPT_HEADING = "## Where the time goes"


def _kept_sections():
    if not DOCS.exists():
        return []
    text = DOCS.read_text()
    start = text.find(KEPT_HEADING)
    if start < 0:
        return []
    end = text.find("\n## ", start + len(KEPT_HEADING))
    return [text[start : end if end >= 0 else len(text)].rstrip(), ""]


def main(argv=None):
    global OUT, PORT  # noqa: PLW0603 (--out and --port set them for the whole run)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--databases", default="postgres,sqlite", help="Comma-separated: sqlite, postgres."
    )
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument(
        "--sqlite-pages",
        type=int,
        default=None,
        help="Site size on SQLite, the reference (default: --pages).",
    )
    parser.add_argument(
        "--search-sizes",
        default="100000",
        help="Extra site sizes for search latency, on PostgreSQL ('' for none).",
    )
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per page type.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--connections",
        type=int,
        default=None,
        help="Concurrent connections of the load (default: one per worker, so that "
        "latency measures the page and not a queue).",
    )
    parser.add_argument(
        "--engine",
        default="",
        help="SEARCH_URL of a search engine to time update_index and search on "
        "(make bench: opensearch://127.0.0.1:9200, started by make search-engine).",
    )
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--database",
        default="ess_bench",
        help="Name of the bench's databases (and prefix of its demo and search ones).",
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/9",
        help="Redis of the site's caches; empty: the embedded cache (no Redis needed).",
    )
    parser.add_argument(
        "--admin-repeat", type=int, default=20, help="Requests per admin view as a coordinator."
    )
    parser.add_argument(
        "--no-docs", action="store_true", help="Do not rewrite docs/performance.md."
    )
    parser.add_argument("--out", type=Path, default=OUT, help="Folder of databases and figures.")
    parser.add_argument("--port", type=int, default=PORT, help="Port gunicorn listens on.")
    args = parser.parse_args(argv)
    OUT, PORT = args.out.resolve(), args.port
    args.duration = max(1, min(args.duration, 60))
    args.connections = max(1, min(args.connections or args.workers, 64))

    OUT.mkdir(parents=True, exist_ok=True)
    env = environment(database_url("sqlite", "unused", args.postgres), args, cached=False)
    subprocess.run(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )

    results = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "settings": {
            "duration": args.duration,
            "connections": args.connections,
            "workers": args.workers,
        },
        "runs": [],
        "search": [],
        "engine": None,
    }
    for kind in [k.strip() for k in args.databases.split(",") if k.strip()]:
        pages = args.sqlite_pages if kind == "sqlite" and args.sqlite_pages else args.pages
        timings, summary = build(kind, args.database, pages, args)
        run = {
            "database": "PostgreSQL" if kind == "postgres" else "SQLite",
            "pages": pages,
            "timings": timings,
        }
        run["uncached"] = serve_and_load(kind, args.database, summary, args, cached=False)
        run["cached"] = serve_and_load(kind, args.database, summary, args, cached=True)
        run["rendered"] = serve_and_load(
            kind, args.database, summary, args, cached=False, fragments=False
        )
        results["runs"].append(run)
        search = run["uncached"]["results"]["search"]
        results["search"].append(
            {
                "database": run["database"],
                "pages": pages,
                "update_index_s": timings["update_index_s"],
                **search,
            }
        )
        log("\n" + f"{run['database']}, {pages} pages\n" + table(run))
        if run["cached"].get("admin"):
            log(admin_table(run["cached"]["admin"]))
        log("Targets: " + _targets_line(run))
        write_results(results, args)
        if args.engine and results["engine"] is None:
            results["engine"] = engine_pass(kind, summary, args)
            write_results(results, args)
    for size in [int(s) for s in args.search_sizes.split(",") if s.strip()]:
        if size == args.pages:
            continue
        timings, summary = build("postgres", f"{args.database}_search", size, args)
        env = environment(
            database_url("postgres", f"{args.database}_search", args.postgres), args, cached=False
        )
        with Server(env, args.workers):
            search = load(search_paths(summary), args)
        results["search"].append(
            {
                "database": "PostgreSQL",
                "pages": size,
                "update_index_s": timings["update_index_s"],
                **search,
            }
        )
        log(f"search at {size} pages: p50 {search['p50_ms']} ms, p95 {search['p95_ms']} ms")

        write_results(results, args)
    log(f"\nFigures in {OUT / 'results.json'}" + ("" if args.no_docs else f" and {DOCS}"))


def write_results(results, args):
    """Write what has been measured so far (after each database)."""
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    if not args.no_docs:
        DOCS.parent.mkdir(exist_ok=True)
        DOCS.write_text(markdown(results))


if __name__ == "__main__":
    main()
