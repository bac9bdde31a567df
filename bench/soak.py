"""``make soak``: a mixed load for a given time against gunicorn on PostgreSQL and Redis.

1. A database of its own on the PostgreSQL of ``--postgres`` (``ess_soak``), migrated, with
   the synthetic site of ``build_bench_site`` (every page type, both languages) and an
   editor; the Redis database of ``--redis-url`` emptied.
2. ``--workers`` gunicorn instances with the production settings (config/gunicorn.conf.py),
   one worker each on a port of its own, sharing the database, Redis and one media folder:
   the load goes to each in turn, as a load balancer would, and the time from publish to
   visible is measured on every worker, not on whichever one answers.
   ``--max-requests 0``: no worker is recycled, so that its memory growth shows.
3. For ``--minutes``: ``--connections`` visitors read pages of every type, searches, feeds,
   the calendar and the API; an editor signs in, edits and publishes a news page every
   ``--edit-every`` seconds (then asks every worker at once until its new title shows)
   and uploads an image every ``--upload-every`` seconds (then reads it from another worker).

It reports requests, answers by status, connection errors, p50/p95/p99 per kind, the
publish-to-visible times, and each worker's memory after ``--warmup`` seconds and at the end;
writes ``bench/out/soak.json`` and rewrites its section of docs/operations.md with the date and
the machine. Targets are reported, never asserted: 0 errors (no 5xx, no connection error), a
publish visible everywhere within 1 s, memory growth per worker under 10 % after warm-up.
"""

import argparse
import datetime
import http.cookies
import io
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections import Counter, defaultdict
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

from bench.run import (
    GUNICORN,
    HOST,
    PYTHON,
    ROOT,
    flush_redis,
    log,
    machine,
    page_types,
    reset_database,
    search_paths,
)
from bench.run import environment as bench_environment

OUT = ROOT / "bench" / "out"
DOCS = ROOT / "docs" / "operations.md"
BEGIN, END = "<!-- soak figures: begin -->", "<!-- soak figures: end -->"
PASSWORD = secrets.token_urlsafe(16)
FEEDS = [
    "/fr/feeds/news/rss/",
    "/fr/feeds/news/atom/",
    "/fr/feeds/press/rss/",
    "/en/feeds/news/rss/",
]
CALENDARS = ["/fr/feeds/agenda.ics", "/en/feeds/agenda.ics"]
API = [
    "/api/v2/pages/?type=news.NewsPage&locale=fr&fields=kind,date,themes&limit=20",
    "/api/v2/pages/?type=news.EventPage&locale=en&limit=20",
]
# The visitors' mix, in requests out of 20.
MIX = ["page"] * 14 + ["search"] * 2 + ["feed"] * 2 + ["calendar"] + ["api"]

SETUP = """
import json
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from news.models import NewsPage
get_user_model().objects.create_superuser("soak-editor", "soak@example.org", {password!r})
page = NewsPage.objects.live().filter(locale__language_code="fr", kind="article").order_by("pk").first()
form = nested_form_data({{
    "title": page.title, "slug": page.slug, "kind": page.kind, "date": page.date.isoformat(),
    "intro": page.intro or "Introduction", "body": streamfield([]), "comments": inline_formset([]),
}})
form["action-publish"] = "action-publish"
print(json.dumps({{"pk": page.pk, "url": page.url, "form": form}}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- HTTP --------------------------------------------------------------------------------------


def request(port, method, path, body=None, headers=None, timeout=30):
    connection = HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


class Editor:
    """An editor signed in to the admin of one worker (cookies kept, CSRF from the cookie)."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def send(self, method, path, body=None, content_type=None):
        headers = {"Origin": f"http://{HOST}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        status, response_headers, content = request(
            self.port, method, path, body, headers, timeout=60
        )
        for key, value in response_headers:
            if key.lower() == "set-cookie":
                for name, morsel in http.cookies.SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
        return status, content

    def post(self, path, fields, files=None):
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        if files:
            boundary = uuid.uuid4().hex
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                for name, value in fields.items()
            ]
            for name, (filename, content, content_type) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            parts.append(f"--{boundary}--\r\n".encode())
            return self.send(
                "POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}"
            )
        return self.send(
            "POST", path, urlencode(fields, doseq=True), "application/x-www-form-urlencoded"
        )

    def login(self):
        self.send("GET", "/admin/login/")
        status, content = self.post(
            "/admin/login/", {"username": "soak-editor", "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"the editor could not sign in ({status})")


def png(number):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), (number * 37 % 256, 90, 82)).save(buffer, "PNG")
    return buffer.getvalue()


# --- the servers ---------------------------------------------------------------------------------


class Worker:
    """One gunicorn instance with one worker, on a free port."""

    def __init__(self, env, number):
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": "1"}
        self.log_path = OUT / f"soak-gunicorn-{number}.log"

    def start(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed by stop)
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "--config",
                "config/gunicorn.conf.py",
                "--bind",
                f"{HOST}:{self.port}",
                "--max-requests",
                "0",
                "config.wsgi:application",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log_path}")
            try:
                if request(self.port, "GET", "/healthz", timeout=10)[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn gave no answer within 180 s; see {self.log_path}")

    def memory(self):
        """(pid, RSS in MB) of the worker process."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(self.process.pid):
                return int(entry.name), round(int(fields["VmRSS"].split()[0]) / 1024, 1)
        return None, None

    def stop(self):
        if getattr(self, "process", None) and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group this run started
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.log.close()


# --- the load ----------------------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)  # kind -> [ms]
        self.statuses = defaultdict(Counter)  # kind -> {status or error name: count}

    def add(self, kind, outcome, milliseconds=None):
        with self.lock:
            self.statuses[kind][outcome] += 1
            if milliseconds is not None:
                self.latencies[kind].append(milliseconds)

    def timed(self, kind, port, path):
        started = time.monotonic()
        try:
            status, _, body = request(port, "GET", path)
        except OSError as error:
            self.add(kind, type(error).__name__)
            return None, None
        self.add(kind, status, (time.monotonic() - started) * 1000)
        return status, body


def visitor(number, recorder, ports, paths, stop):
    kinds = itertools.cycle(MIX[number % len(MIX) :] + MIX[: number % len(MIX)])
    counters = Counter()
    turn = number
    while not stop.is_set():
        kind = next(kinds)
        choices = paths[kind]
        path = choices[(counters[kind] * 7 + number) % len(choices)]
        counters[kind] += 1
        turn += 1
        recorder.timed(kind, ports[turn % len(ports)], path)


def title_of(body):
    match = re.search(rb"<h1[^>]*>(.*?)</h1>", body or b"", re.S)
    return match.group(1).strip().decode("utf-8", "replace") if match else None


def editor_loop(recorder, workers, page, args, stop, results):
    editor = Editor(workers[0].port)
    editor.login()
    edits = uploads = 0
    next_upload = time.monotonic() + args.upload_every
    while not stop.wait(args.edit_every):
        edits += 1
        title = f"{page['form']['title'].split(' · ')[0]} · édition {edits}"
        started = time.monotonic()
        status, content = editor.post(
            f"/admin/pages/{page['pk']}/edit/", {**page["form"], "title": title}
        )
        recorder.add("edit and publish", status, (time.monotonic() - started) * 1000)
        if status != 302:
            results["failures"].append(f"publish answered {status}: {content[:300]!r}")
            continue
        # Every worker is asked at once (a thread each, as visitors on each would), again
        # until it answers the new title; the time kept is when that answer arrived, its
        # queueing and rendering included. Every older title answered meanwhile is counted.
        results["visible_s"].append(ask_until_fresh(recorder, workers, page["url"], title, results))
        if time.monotonic() >= next_upload:
            next_upload += args.upload_every
            uploads += 1
            content = png(uploads)
            started = time.monotonic()
            status, _ = editor.post(
                "/admin/images/add/",
                {"title": f"Soak {uploads}", "collection": "1"},
                files={"file": (f"soak-{uploads}.png", content, "image/png")},
            )
            recorder.add("image upload", status, (time.monotonic() - started) * 1000)
            media = OUT / "soak-media" / "original_images" / f"soak-{uploads}.png"
            if media.exists():
                status, body = recorder.timed(
                    "media",
                    workers[uploads % len(workers)].port,
                    f"/media/{media.relative_to(OUT / 'soak-media')}",
                )
                if body != content:
                    results["failures"].append(f"upload {uploads}: served {status}, not the file")


def ask_until_fresh(recorder, workers, url, title, results, limit=30):
    """Seconds from the publish until the last worker answered ``title`` (None: never)."""
    published, seen, lock = time.monotonic(), {}, threading.Lock()

    def ask(worker):
        while time.monotonic() - published < limit:
            status, body = recorder.timed("page after publish", worker.port, url)
            if status == 200 and title_of(body) == title:
                seen[worker.port] = time.monotonic() - published
                return
            with lock:
                results["stale"] += 1
            time.sleep(0.01)

    threads = [threading.Thread(target=ask, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return max(seen.values()) if len(seen) == len(workers) else None


def percentiles(values):
    values = sorted(values)
    if not values:
        return {}

    def at(p):
        return round(values[min(len(values) - 1, int(len(values) * p / 100))], 1)

    return {"p50_ms": at(50), "p95_ms": at(95), "p99_ms": at(99)}


# --- the run -----------------------------------------------------------------------------------


def prepare(args):
    env = bench_environment(f"{args.postgres.rstrip('/')}/{args.database}", args, cached=True)
    env.update(
        MEDIA_ROOT=str(OUT / "soak-media"),
        CACHE_DIR=str(OUT / "soak-cache"),
        LOG_LEVEL="WARNING",
    )
    for folder in ("soak-media", "soak-cache"):
        shutil.rmtree(OUT / folder, ignore_errors=True)
    reset_database("postgres", args.database, args.postgres)
    flush_redis(args.redis_url)
    summary_path = OUT / "soak-site.json"

    def manage(*arguments):
        subprocess.run([str(PYTHON), "manage.py", *arguments], cwd=ROOT, env=env, check=True)

    log("[soak] collectstatic, migrate, build_bench_site, update_index")
    manage("collectstatic", "--noinput", "-v0")
    manage("migrate", "--noinput", "-v0")
    manage("build_bench_site", "--pages", str(args.pages), "--summary", str(summary_path))
    manage("update_index", "-v0")
    code = "import django; django.setup()\n" + SETUP.format(password=PASSWORD)
    output = subprocess.run(
        [str(PYTHON), "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    page = json.loads(output.strip().splitlines()[-1])
    summary = json.loads(summary_path.read_text())
    return env, summary, page


def run(args):
    OUT.mkdir(parents=True, exist_ok=True)
    env, summary, page = prepare(args)
    pages = [path for paths in page_types(summary).values() for path in paths]
    paths = {
        "page": pages + [page["url"]],
        "search": search_paths(summary),
        "feed": FEEDS,
        "calendar": CALENDARS,
        "api": API,
    }
    workers = [Worker(env, number) for number in range(args.workers)]
    recorder, stop = Recorder(), threading.Event()
    results = {"visible_s": [], "stale": 0, "failures": []}
    try:
        for worker in workers:
            worker.start()
        ports = [worker.port for worker in workers]
        for path in sorted({p for choices in paths.values() for p in choices}):
            for port in ports:  # every URL answers, and the cache is filled, before timing
                status = request(port, "GET", path, timeout=120)[0]
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
        log(
            f"[soak] {args.workers} workers, {args.connections} visitors, {args.minutes} min "
            f"({len(pages)} page URLs over {len(page_types(summary))} page types)"
        )
        threads = [
            threading.Thread(target=visitor, args=(n, recorder, ports, paths, stop), daemon=True)
            for n in range(args.connections)
        ]
        editor_errors = []

        def editor():
            try:
                editor_loop(recorder, workers, page, args, stop, results)
            except Exception as error:  # reported, and the run goes on without an editor
                editor_errors.append(repr(error))

        threads.append(threading.Thread(target=editor, daemon=True))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        stop.wait(min(args.warmup, args.minutes * 60))
        memory_start = [worker.memory() for worker in workers]
        stop.wait(max(0, started + args.minutes * 60 - time.monotonic()))
        memory_end = [worker.memory() for worker in workers]
        stop.set()
        for thread in threads:
            thread.join(timeout=90)
        seconds = time.monotonic() - started
    finally:
        stop.set()
        for worker in workers:
            worker.stop()
    results["failures"] += editor_errors
    return report(args, recorder, results, memory_start, memory_end, seconds)


def report(args, recorder, results, memory_start, memory_end, seconds):
    statuses = Counter()
    for counter in recorder.statuses.values():
        statuses.update(counter)
    errors = sum(
        n for status, n in statuses.items() if not isinstance(status, int) or status >= 500
    )
    visible = [s for s in results["visible_s"] if s is not None]
    memory = [
        {
            "pid": start[0],
            "start_mb": start[1],
            "end_mb": end[1],
            "growth_pct": round((end[1] - start[1]) / start[1] * 100, 1) if start[1] else None,
            "same_process": start[0] == end[0],
        }
        for start, end in zip(memory_start, memory_end, strict=True)
    ]
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "options": {
            key: getattr(args, key)
            for key in (
                "minutes",
                "warmup",
                "workers",
                "connections",
                "pages",
                "edit_every",
                "upload_every",
            )
        },
        "seconds": round(seconds, 1),
        "requests": sum(statuses.values()),
        "statuses": {str(key): value for key, value in sorted(statuses.items(), key=str)},
        "errors": errors,
        "kinds": {
            kind: {
                "requests": sum(recorder.statuses[kind].values()),
                **percentiles(recorder.latencies[kind]),
                "statuses": {str(k): v for k, v in recorder.statuses[kind].items()},
            }
            for kind in sorted(recorder.statuses)
        },
        "publishes": len(results["visible_s"]),
        "publish_not_visible": results["visible_s"].count(None),
        "stale_answers_after_publish": results["stale"],
        "visible_s": {
            "median": round(sorted(visible)[len(visible) // 2], 3) if visible else None,
            "max": round(max(visible), 3) if visible else None,
            "over_1s": sum(s > 1 for s in visible),
        },
        "memory": memory,
        "failures": results["failures"],
    }


def markdown(result):
    options, m = result["options"], result["machine"]
    lines = [
        BEGIN,
        f"Last run: {result['date']}, `make soak SOAK_MINUTES={options['minutes']:g}`"
        f" on {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB, {m['os']}, load average"
        f" {m['load_average_at_start'][0]:.1f} at the start (a machine shared with other work);"
        f" {options['workers']} workers, {options['connections']} visitors, {options['pages']:,}"
        f" pages per language, a publish every {options['edit_every']} s, an upload every"
        f" {options['upload_every']} s, memory read after {options['warmup']:g} s of warm-up.",
        "",
        f"- {result['requests']:,} requests in {result['seconds']:.0f} s; answers: "
        + ", ".join(f"{status} × {n:,}" for status, n in result["statuses"].items())
        + f"; **{result['errors']} errors** (5xx or connection errors).",
        f"- {result['publishes']} publishes, {result['publish_not_visible']} never seen;"
        f" {result['stale_answers_after_publish']} answers with the old title after a publish."
        " Every worker is asked at once until it answers the new title: the last answer"
        f" arrived {result['visible_s']['median']} s after the publish (median),"
        f" {result['visible_s']['max']} s at most ({result['visible_s']['over_1s']} over 1 s),"
        " the page's own rendering and queueing included; with no old title answered, the"
        " first request to every worker after a publish had the new page.",
        "- Memory per worker (MB, after warm-up → end): "
        + ", ".join(
            f"{w['start_mb']} → {w['end_mb']} ({w['growth_pct']:+} %)"
            + ("" if w["same_process"] else " (another process)")
            for w in result["memory"]
        )
        + ".",
    ]
    if result["failures"]:
        lines.append("- Failures: " + "; ".join(result["failures"][:5]))
    lines += ["", "| kind | requests | p50 ms | p95 ms | p99 ms |", "|---|---:|---:|---:|---:|"]
    for kind, figures in result["kinds"].items():
        lines.append(
            f"| {kind} | {figures['requests']:,} | {figures.get('p50_ms', '')} "
            f"| {figures.get('p95_ms', '')} | {figures.get('p99_ms', '')} |"
        )
    lines.append(END)
    return "\n".join(lines)


def rewrite_docs(text):
    current = DOCS.read_text()
    if BEGIN not in current or END not in current:
        raise SystemExit(f"{DOCS} has no soak figures markers")
    before, rest = current.split(BEGIN, 1)
    DOCS.write_text(before + text + rest.split(END, 1)[1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=60, help="Seconds before memory is read.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4, help="Concurrent visitors.")
    parser.add_argument("--pages", type=int, default=300, help="Pages per language of the site.")
    parser.add_argument("--edit-every", type=float, default=3)
    parser.add_argument("--upload-every", type=float, default=30)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="ess_soak")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--no-docs", action="store_true", help="Do not rewrite docs/operations.md.")
    args = parser.parse_args(argv)
    args.workers = max(1, args.workers)  # bench.run's environment() reads it
    result = run(args)
    (OUT / "soak.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    text = markdown(result)
    print(text)
    if not args.no_docs:
        rewrite_docs(text)


if __name__ == "__main__":
    main()
