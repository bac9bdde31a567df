"""The default cache's choice, measured: Django's file-based cache against its database cache.

Without ``REDIS_URL`` the page cache must still be shared by every process of the machine
(docs/performance.md, "The default cache"). Both candidates are timed here on what the
page cache does (``core/cache.py``), with an entry the size of a rendered page:

- a hit: the generation number and the page's entry read together (``get_many``);
- the generation alone (``remember``: the menu and footer of an uncached page);
- a miss stored (``set``), with ``--entries`` other pages already cached;
- a change (the generation replaced).

The database cache runs on SQLite, the embedded default's database, in a file of its own
(in production it would share the site's file and its write lock). Run by ``make bench``;
``python -m bench.cache_backends`` alone prints the table and rewrites its section of
docs/performance.md.
"""

import argparse
import os
import pickle
import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "performance.md"
HEADING = "## The default cache: files, not the database"
WORDS = (
    "économie sociale solidaire coopérative mutuelle association fondation région chantier "
    "formation innovation coopération mesure impact territoire emploi entreprise projet "
    "réseau acteurs publics transition écologique insertion commun utilité"
).split()


def page_html(size, seed=1):
    """HTML with the markup-to-text mix of a rendered page, ``size`` bytes long."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        block = (
            f'<article class="card card--news"><h3 class="card__title"><a href="/fr/actualites/'
            f'{rng.randint(1, 99999)}/">{words[:60]}</a></h3><p class="card__intro">{words}</p>'
            f'<p class="card__meta"><time datetime="2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}">'
            f"{rng.randint(1, 28)} mars</time></p></article>\n"
        )
        parts.append(block)
        length += len(block.encode())
    return "".join(parts)[:size]


def configure(folder):
    from django.conf import settings

    settings.configure(
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(folder / "cache.sqlite3"),
            }
        },
        CACHES={
            "files": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(folder / "files"),
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
            "database": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "cache_table",
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
        },
        USE_TZ=True,
        DEFAULT_CHARSET="utf-8",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)


def timed(operation, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1e6)
    samples.sort()
    return {
        "median_us": round(statistics.median(samples), 1),
        "p95_us": round(samples[int(len(samples) * 0.95)], 1),
    }


def measure(cache, response, entries, repeat):
    generation_key = "pagecache:generation"
    cache.clear()
    cache.set(generation_key, 123456789, None)
    entry = (123456789, response)
    for number in range(entries):
        cache.set(f"pagecache:page:{number}", entry, 300)
    key = "pagecache:page:0"
    counter = iter(range(10**9))
    return {
        "hit": timed(lambda: cache.get_many([generation_key, key]), repeat),
        "generation": timed(lambda: cache.get(generation_key), repeat),
        "store": timed(
            lambda: cache.set(f"pagecache:page:{next(counter) % entries}", entry, 300),
            max(repeat // 4, 50),
        ),  # fmt: skip
        "change": timed(lambda: cache.set(generation_key, next(counter), None), repeat),
    }


def run(entries=1000, page_kb=60, repeat=2000):
    with tempfile.TemporaryDirectory(prefix="ess-cache-bench-") as folder:
        configure(Path(folder))
        from django.core.cache import caches
        from django.http import HttpResponse

        response = HttpResponse(page_html(page_kb * 1024))
        response["Cache-Control"] = "max-age=60, public, s-maxage=60"
        figures = {
            "entries": entries,
            "page_kb": page_kb,
            "pickled_kb": round(len(pickle.dumps((1, response))) / 1024, 1),
            "repeat": repeat,
        }
        for name in ("files", "database"):
            figures[name] = measure(caches[name], response, entries, repeat)
        return figures


def section(figures):
    rows = [
        ("hit: generation + entry (`get_many`)", "hit"),
        ("generation alone (`get`)", "generation"),
        ("miss stored (`set` of a page)", "store"),
        ("change (generation replaced)", "change"),
    ]
    lines = [
        HEADING,
        "",
        "Without `REDIS_URL` the default cache is Django's file-based cache in `CACHE_DIR`,",
        "shared by every process of the machine (workers, commands, cron). Django's database",
        "cache would be shared too; measured against it with `python -m bench.cache_backends`",
        f"(an entry of a {figures['page_kb']} KB page, {figures['pickled_kb']} KB pickled,"
        f" {figures['entries']:,} pages cached, {figures['repeat']:,} reads; the database cache",
        "on SQLite, the embedded default's database), in microseconds, median / p95, on"
        f" {time.strftime('%Y-%m-%d', time.gmtime())} with {os.cpu_count()} cores"
        f" (load average {os.getloadavg()[0]:.1f}):",
        "",
        "| operation | files | database (SQLite) |",
        "|---|---:|---:|",
    ]
    for label, key in rows:
        files, database = figures["files"][key], figures["database"][key]
        lines.append(
            f"| {label} | {files['median_us']:.0f} / {files['p95_us']:.0f} "
            f"| {database['median_us']:.0f} / {database['p95_us']:.0f} |"
        )
    files_hit, database_hit = figures["files"]["hit"], figures["database"]["hit"]
    faster = files_hit["median_us"] <= database_hit["median_us"]
    comparison = (
        f"the hit, which every cached request does, is {'faster' if faster else 'slower'} there"
        f" ({files_hit['median_us']:.0f} against {database_hit['median_us']:.0f} µs)"
    )
    lines += [
        "",
        (f"Files: {comparison}, and" if faster else f"Files, although {comparison}, because")
        + " on the embedded default the database cache would share SQLite's single writer with"
        " the site: every page stored and every change would wait for, and hold up, editors'",
        "saves; it also needs `createcachetable`. The file cache's limits: past `MAX_ENTRIES`",
        "(5,000) it removes a third of its files, and it is one machine's: several application",
        "servers need Redis (`REDIS_URL`).",
    ]
    return "\n".join(lines) + "\n"


def rewrite_docs(text):
    """Replace this section of docs/performance.md, up to the next heading (appended to the
    file when missing: ``bench.run`` rewrites the whole file before this runs)."""
    current = DOCS.read_text()
    if HEADING not in current:
        DOCS.write_text(current.rstrip("\n") + "\n\n" + text)
        return
    before, rest = current.split(HEADING, 1)
    after = rest[rest.index("\n#") + 1 :] if "\n#" in rest else ""
    DOCS.write_text(before + text + ("\n" + after if after else ""))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--page-kb", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=2000)
    parser.add_argument("--no-docs", action="store_true", help="Print only.")
    args = parser.parse_args(argv)
    text = section(run(args.entries, args.page_kb, args.repeat))
    print(text)
    if not args.no_docs:
        rewrite_docs(text)


if __name__ == "__main__":
    main()
