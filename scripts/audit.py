#!/usr/bin/env python
"""`make audit`: Lighthouse on every page type of the demo site, printing the four scores.

A fresh SQLite database under var/audit/ gets the migrations and the demo content
(`load_demo_content` when the project has it, else the test builders' demo-like site, in
French and English); static files are collected (compressed, hashed) and the site is served
by gunicorn with production-like settings (DEBUG off, whitenoise). Lighthouse (npm) drives
Debian's chromium. Exits 1 when a score is below the target (95 by default).

    .venv/bin/python scripts/audit.py [--languages fr,en] [--target 95] [--serve]
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
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
        REDIS_URL="",
        SEARCH_URL="",
        PYTHONPATH=str(BASE_DIR),
    )
    return env


def prepare():
    """A fresh database with the demo content, and the static files collected."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    os.environ.update(environment())
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_content")


def page_types(languages):
    """One live page of each page type, per language: (label, path)."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    found = []
    for language in languages:
        seen = set()
        pages = (
            Page.objects.live()
            .public()
            .filter(locale__language_code=language, depth__gte=2)
            .select_related("content_type")
            .order_by("path")
        )
        for page in pages:
            model = page.content_type.model
            if model in seen:
                continue
            seen.add(model)
            found.append((f"{language} {model}", page.specific.url))
        with translation.override(language):
            found.append((f"{language} search", reverse("search")))
            found.append((f"{language} search results", reverse("search") + "?q=atelier"))
    return found


#: Results pages tell search engines not to index them (``noindex``: a link to a made-up
#: query must not put its words in their index). Lighthouse's "is-crawlable" audit fails
#: them for it, by design; their SEO pass mark leaves that one audit out, and both scores
#: are printed and recorded.
NOINDEX_BY_DESIGN = "search results"


def seo_without(report, audit_id):
    """The SEO score Lighthouse would give without one audit (its weights, recomputed)."""
    refs = [ref for ref in report["categories"]["seo"]["auditRefs"] if ref["weight"]]
    kept = [ref for ref in refs if ref["id"] != audit_id]
    total = sum(ref["weight"] for ref in kept)
    score = sum(ref["weight"] * (report["audits"][ref["id"]]["score"] or 0) for ref in kept)
    return round(100 * score / total)


def serve():
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
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/fr/", timeout=2)
            return process
        except OSError:
            time.sleep(1)
    process.terminate()
    raise SystemExit("The audit server did not start.")


def lighthouse(url, attempts=3):
    """Lighthouse's report on ``url``; a run that fails to record its trace is run again."""
    binary = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
    for _attempt in range(attempts):
        result = subprocess.run(
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
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            break
    else:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    failed = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["seo_without_is_crawlable"] = seo_without(report, "is-crawlable")
    return scores, failed


def pass_mark(label, scores):
    """The scores the target applies to (see NOINDEX_BY_DESIGN)."""
    marked = {c: scores[c] for c in CATEGORIES}
    if label.endswith(NOINDEX_BY_DESIGN):
        marked["seo"] = scores["seo_without_is_crawlable"]
    return marked


def score_cells(label, scores):
    cells = [str(scores[c]) for c in CATEGORIES]
    if label.endswith(NOINDEX_BY_DESIGN):
        cells[-1] += f" ({scores['seo_without_is_crawlable']} without is-crawlable: noindex)"
    return cells


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    return f"{os.cpu_count()} CPUs ({cpu}), load average at start {os.getloadavg()[0]:.1f}"


def lighthouse_version():
    binary = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
    return subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


def chromium_version():
    return subprocess.run(
        [CHROME, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


def write_docs(rows, target, started):
    """docs/audit.md: how the audit runs and this run's figures."""
    lines = [
        "# Lighthouse audit",
        "",
        "`make audit` (`scripts/audit.py`) builds a fresh SQLite database under `var/audit/` with",
        "the demo content (`load_demo_content`), collects the static files (whitenoise,",
        "compressed and hashed), serves the site with gunicorn and `config.settings.audit` (the",
        "production settings without HTTPS-only behaviour: DEBUG off, whitenoise) on",
        f"127.0.0.1:{PORT}, and runs Lighthouse (npm, `CHROME_PATH=/usr/bin/chromium`, Debian's",
        "chromium, Lighthouse's default mobile emulation with simulated slow 4G) on one page of",
        "each page type in French and English, printing performance, accessibility, best",
        f"practices and SEO. It exits 1 when a score is below {target}. This file is rewritten",
        "by each run (`--no-docs` leaves it).",
        "",
        "Search results pages carry `noindex` on purpose (a link to a made-up query must not",
        "put its words on the site's pages in search engines' index); Lighthouse's",
        "`is-crawlable` audit fails them for it. Their SEO pass mark leaves that one audit out",
        "(Lighthouse's own weights, recomputed); both figures are in the table. The search",
        "page itself is indexable and audited as it is.",
        "",
        "## Latest run",
        "",
        f"- Date: {started}",
        f"- Machine: {machine()}",
        f"- Tools: Lighthouse {lighthouse_version()}, {chromium_version()}",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, path, scores, _failed in rows:
        lines.append(f"| {label} (`{path}`) | " + " | ".join(score_cells(label, scores)) + " |")
    lowest = {
        c: min(pass_mark(label, scores)[c] for label, _p, scores, _f in rows) for c in CATEGORIES
    }
    lines += [
        "",
        "Lowest score per category: "
        + ", ".join(f"{c} {lowest[c]}" for c in CATEGORIES)
        + f" (target {target}).",
        "",
    ]
    below = [
        (label, failed)
        for label, _path, scores, failed in rows
        if min(pass_mark(label, scores).values()) < target
    ]
    if below:
        lines += ["Pages below the target, with the audits that failed:", ""]
        lines += [
            f"- {label}: {', '.join(failed) or 'no single audit below 0.9'}"
            for label, failed in below
        ]
        lines.append("")
    (BASE_DIR / "docs" / "audit.md").write_text("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="fr,en")
    parser.add_argument("--target", type=int, default=95)
    parser.add_argument("--serve", action="store_true", help="prepare and serve, no audit")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/audit.md")
    args = parser.parse_args()

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    prepare()
    urls = page_types(args.languages.split(","))
    server = serve()
    try:
        if args.serve:
            print(f"Serving on http://127.0.0.1:{PORT}/ (Ctrl-C to stop)")
            for label, path in urls:
                print(f"  {label:28} {path}")
            server.wait()
            return 0
        print(f"{'page':30} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
        rows = []
        for label, path in urls:
            scores, failed = lighthouse(f"http://127.0.0.1:{PORT}{path}")
            print(
                f"{label:30} " + " ".join(f"{cell:>5}" for cell in score_cells(label, scores)),
                flush=True,
            )
            rows.append((label, path, scores, failed))
        below = [row for row in rows if min(pass_mark(row[0], row[2]).values()) < args.target]
        for label, _path, scores, failed in below:
            print(f"Below {args.target}: {label} {scores}; audits to look at: {', '.join(failed)}")
        if not args.no_docs:
            write_docs(rows, args.target, started)
            print("Figures written to docs/audit.md")
        return 1 if below else 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
