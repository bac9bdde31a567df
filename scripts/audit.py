#!/usr/bin/env python
"""`make audit`: Lighthouse on every page type of the demo site, printing the four scores.

A fresh SQLite database under var/audit/ gets the migrations and the demo content
(`load_demo_content` when the project has it, else the test builders' demo-like site, in
French and English); static files are collected (compressed, hashed) and the site is served
by gunicorn with production-like settings (DEBUG off, whitenoise). Lighthouse (npm) drives
Debian's chromium. Exits 1 when a score is below the target (100 by default). Each
report is kept as JSON in var/audit/reports/ for a closer look.

    .venv/bin/python scripts/audit.py [--languages fr,en] [--target 100] [--serve]
        [--only newspage,subscribe] [--keep-db] [--no-docs]

``--only`` audits the pages whose label contains one of the words and leaves
docs/audit.md as it is; ``--keep-db`` keeps the database of the previous run (static
files are collected again).
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK = BASE_DIR / "var" / "audit"
PORT = int(os.environ.get("AUDIT_PORT", "8080"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The production settings refuse a weak key: one drawn for this run, shared by its processes.
SECRET_KEY = secrets.token_urlsafe(50)


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.audit",
        SECRET_KEY=SECRET_KEY,
        DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        STATIC_ROOT=str(WORK / "static"),
        # A cache of its own, emptied with the static files: a page kept from an earlier run
        # would name styles by hashes that are gone.
        CACHE_DIR=str(WORK / "cache"),
        REDIS_URL="",
        SEARCH_URL="",
        PYTHONPATH=str(BASE_DIR),
    )
    return env


def prepare(keep_db=False):
    """A fresh database with the demo content, and the static files collected."""
    fresh = not (keep_db and (WORK / "db.sqlite3").exists())
    if fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    else:
        shutil.rmtree(WORK / "static", ignore_errors=True)
        shutil.rmtree(WORK / "cache", ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ.update(environment())
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    if fresh:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo_content")


#: Pages shown by ``make screenshots`` that Lighthouse cannot audit: a refused link answers
#: 404 (Lighthouse stops at a page whose status is an error).
NOT_AUDITED = {"subscribe-refused-link"}


def page_types(languages):
    """One live page of each page type, per language: (label, path) (scripts/page_types.py)."""
    from scripts.page_types import public_pages

    return [
        (f"{language} {name}", path)
        for language, name, path in public_pages(languages, create=True)
        if name not in NOT_AUDITED
    ]


def is_noindex(label):
    """Pages that carry ``noindex`` by design (scripts/page_types.py: search results, the
    subscription pages reached by a personal link). Lighthouse's "is-crawlable" audit fails
    them for it; their SEO pass mark leaves that one audit out, and both scores are printed
    and recorded."""
    from scripts.page_types import NOINDEX

    return label.split(" ", 1)[1] in NOINDEX


def seo_without(report, audit_id):
    """The SEO score Lighthouse would give without one audit (its weights, recomputed)."""
    refs = [ref for ref in report["categories"]["seo"]["auditRefs"] if ref["weight"]]
    kept = [ref for ref in refs if ref["id"] != audit_id]
    total = sum(ref["weight"] for ref in kept)
    score = sum(ref["weight"] * (report["audits"][ref["id"]]["score"] or 0) for ref in kept)
    return round(100 * score / total)


def serve():
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            # Another server there would answer in place of this run's.
            raise SystemExit(f"Port {PORT} is taken: set AUDIT_PORT to a free one.")
    gunicorn = BASE_DIR / ".venv" / "bin" / "gunicorn"
    process = subprocess.Popen(
        [
            str(gunicorn),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--chdir",
            str(BASE_DIR),
            "scripts.audit_wsgi:application",
        ],
        env=environment(),
    )
    try:
        for _ in range(60):
            if process.poll() is not None:
                raise SystemExit("The audit server stopped at once.")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/fr/", timeout=2)
                return process
            except OSError:
                time.sleep(1)
        raise SystemExit("The audit server did not start.")
    except BaseException:
        process.terminate()
        process.wait()
        raise


#: The metrics of the performance score, printed for a page below the target.
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]


def warm(urls):
    """Each page once before Lighthouse, as on a site in use: a fresh database makes every
    image's renditions (AVIF, WebP) on the page's first view, seconds of encoding that a
    visitor of a live site never waits for. The page cache is emptied afterwards, so that
    Lighthouse measures pages rendered for it, not copies."""
    for _label, path in urls:
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}{path}", headers={"Accept-Encoding": "gzip"}
        )
        try:
            urllib.request.urlopen(request, timeout=120).read()
        except urllib.error.HTTPError:
            pass
    shutil.rmtree(WORK / "cache", ignore_errors=True)


def lighthouse(url, report_path, attempts=3):
    """Lighthouse's report on ``url``; a run that fails to record its trace is run again."""
    binary = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
    for _attempt in range(attempts):
        # Stopped half-way, the run lets Lighthouse close its chromium (chrome-launcher does
        # on SIGINT; the browser has a process group of its own), then ends Lighthouse.
        process = subprocess.Popen(
            [
                str(binary),
                url,
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            env={**os.environ, "CHROME_PATH": CHROME},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate()
        except BaseException:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            raise
        result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        if result.returncode == 0:
            break
    else:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(result.stdout)
    return summary(json.loads(result.stdout))


def summary(report):
    """The four scores, the audits below 0.9 and the metrics of a Lighthouse report."""
    failed = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["seo_without_is_crawlable"] = seo_without(report, "is-crawlable")
    metrics = ", ".join(
        f"{report['audits'][m]['displayValue']} {m}"
        for m in METRICS
        if report["audits"].get(m, {}).get("displayValue")
    )
    return scores, failed, metrics


def pass_mark(label, scores):
    """The scores the target applies to (see is_noindex)."""
    marked = {c: scores[c] for c in CATEGORIES}
    if is_noindex(label):
        marked["seo"] = scores["seo_without_is_crawlable"]
    return marked


def score_cells(label, scores):
    cells = [str(scores[c]) for c in CATEGORIES]
    if is_noindex(label):
        cells[-1] += f" ({scores['seo_without_is_crawlable']} without is-crawlable: noindex)"
    return cells


def machine(load):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    return f"{os.cpu_count()} CPUs ({cpu}), load average (1 min) {load[0]:.1f} at start, {load[1]:.1f} at the end"


def lighthouse_version():
    binary = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
    return subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


def chromium_version():
    return subprocess.run(
        [CHROME, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


#: docs/audit.md above this heading is written by hand (how the audit runs, the exceptions
#: and their reasons) and kept; the run's figures replace what follows it.
RUN_HEADING = "## Latest run"


def write_docs(rows, target, started, load):
    """docs/audit.md: the hand-written explanation kept, this run's figures below it."""
    docs = BASE_DIR / "docs" / "audit.md"
    text = docs.read_text() if docs.exists() else "# Lighthouse audit\n\n"
    head = text.split(RUN_HEADING, 1)[0].rstrip("\n").splitlines()
    lines = [
        *head,
        "",
        "## Latest run",
        "",
        f"- Date: {started}",
        f"- Machine: {machine(load)}",
        f"- Tools: Lighthouse {lighthouse_version()}, {chromium_version()}",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, path, scores, _failed, _metrics in rows:
        # A signed token (it holds a colon) is the run's own: the address shows its place.
        shown = "/".join("<token>" if ":" in part else part for part in path.split("/"))
        lines.append(f"| {label} (`{shown}`) | " + " | ".join(score_cells(label, scores)) + " |")
    lowest = {
        c: min(pass_mark(label, scores)[c] for label, _p, scores, _f, _m in rows)
        for c in CATEGORIES
    }
    lines += [
        "",
        "Lowest score per category: "
        + ", ".join(f"{c} {lowest[c]}" for c in CATEGORIES)
        + f" (target {target}).",
        "",
    ]
    below = [
        (label, failed, metrics)
        for label, _path, scores, failed, metrics in rows
        if min(pass_mark(label, scores).values()) < target
    ]
    if below:
        lines += ["Pages below the target, with the audits that failed:", ""]
        lines += [
            f"- {label}: {', '.join(failed) or 'no single audit below 0.9'} ({metrics})"
            for label, failed, metrics in below
        ]
        lines.append("")
    docs.write_text("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="fr,en")
    parser.add_argument("--target", type=int, default=100)
    parser.add_argument("--only", default="", help="comma-separated parts of page labels")
    parser.add_argument("--keep-db", action="store_true", help="reuse the previous database")
    parser.add_argument("--serve", action="store_true", help="prepare and serve, no audit")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/audit.md")
    args = parser.parse_args()

    # A run stopped from outside still stops its server (the ``finally`` below).
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = [os.getloadavg()[0]]
    prepare(args.keep_db)
    urls = page_types(args.languages.split(","))
    if args.only:
        wanted = args.only.split(",")
        urls = [(label, path) for label, path in urls if any(w in label for w in wanted)]
    server = serve()
    try:
        if args.serve:
            print(f"Serving on http://127.0.0.1:{PORT}/ (Ctrl-C to stop)")
            for label, path in urls:
                print(f"  {label:32} {path}")
            server.wait()
            return 0
        warm(urls)
        load[0] = os.getloadavg()[0]
        print(f"load average {load[0]:.2f} at start")
        print(f"{'page':32} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
        rows = []
        for label, path in urls:
            report = WORK / "reports" / (label.replace(" ", "-") + ".json")
            scores, failed, metrics = lighthouse(f"http://127.0.0.1:{PORT}{path}", report)
            print(
                f"{label:32} " + " ".join(f"{cell:>5}" for cell in score_cells(label, scores)),
                flush=True,
            )
            rows.append((label, path, scores, failed, metrics))
        load.append(os.getloadavg()[0])
        print(f"load average {load[-1]:.2f} at the end")
        below = [row for row in rows if min(pass_mark(row[0], row[2]).values()) < args.target]
        for label, _path, scores, failed, metrics in below:
            print(f"Below {args.target}: {label} {scores}; {metrics}; audits: {', '.join(failed)}")
        if not (args.no_docs or args.only):
            write_docs(rows, args.target, started, load)
            print("Figures written to docs/audit.md")
        return 1 if below else 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
