#!/usr/bin/env python
"""`make screenshots`: every page type at 375 and 1280 px, in French and English.

The development database (``db.sqlite3``, as ``make run`` leaves it) gets the migrations
and the demo content (idempotent), Django's server starts on a free port with
``config.settings.screenshots`` (DEBUG off, so that the 404 page is the site's own), and Debian's chromium (Playwright) takes a
full-page screenshot of one page of each type into ``var/screenshots/`` (git-ignored).

    .venv/bin/python scripts/screenshots.py [--widths 375,1280] [--languages fr,en]
        [--only home,region] [--out var/screenshots]
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment():
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.screenshots"
    env["PYTHONPATH"] = str(BASE_DIR)
    return env


def page_urls(languages):
    """(name, path) of one page per page type and language (scripts/page_types.py), and the
    site's 404 page."""
    os.environ.update(environment())
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from scripts.page_types import public_pages

    found = [
        (f"{language}-{name}", path)
        for language, name, path in public_pages(languages, create=True)
    ]
    for language in languages:
        found.append((f"{language}-404", f"/{language}/page-qui-n-existe-pas/"))
    return found


def serve(port):
    process = subprocess.Popen(
        [
            str(BASE_DIR / ".venv" / "bin" / "python"),
            "manage.py",
            "runserver",
            "--noreload",
            "--insecure",
            f"127.0.0.1:{port}",
        ],
        cwd=BASE_DIR,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("The server did not start.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", default="375,1280")
    parser.add_argument("--languages", default="fr,en")
    parser.add_argument("--only", default="", help="comma-separated parts of page names")
    parser.add_argument("--out", default=str(BASE_DIR / "var" / "screenshots"))
    parser.add_argument("--no-prepare", action="store_true", help="skip migrate and demo load")
    args = parser.parse_args()

    if not args.no_prepare:
        python = str(BASE_DIR / ".venv" / "bin" / "python")
        for command in (["migrate", "--noinput", "-v0"], ["load_demo_content", "--no-admin"]):
            subprocess.run(
                [python, "manage.py", *command],
                cwd=BASE_DIR,
                env=environment(),
                check=True,
                stdout=subprocess.DEVNULL,
            )
    urls = page_urls(args.languages.split(","))
    if args.only:
        wanted = args.only.split(",")
        urls = [(n, u) for n, u in urls if any(w in n for w in wanted)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = serve(port)
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in [int(w) for w in args.widths.split(",")]:
                context = browser.new_context(
                    base_url=f"http://127.0.0.1:{port}",
                    viewport={"width": width, "height": 900 if width > 800 else 740},
                )
                tab = context.new_page()
                for name, url in urls:
                    tab.goto(url, wait_until="load")
                    # A full-page picture: load the images lazy loading would leave out.
                    tab.evaluate(
                        "document.querySelectorAll('img[loading=lazy]')"
                        ".forEach(img => { img.loading = 'eager'; })"
                    )
                    tab.wait_for_load_state("networkidle")
                    path = out / f"{name}-{width}.png"
                    tab.screenshot(path=str(path), full_page=True)
                    print(path.relative_to(BASE_DIR) if path.is_relative_to(BASE_DIR) else path)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
