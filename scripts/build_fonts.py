#!/usr/bin/env python
"""`make fonts`: the site's typeface, subset from the pinned npm package into site/static/fonts.

Atkinson Hyperlegible Next (Braille Institute, SIL Open Font License 1.1) comes from
`@fontsource/atkinson-hyperlegible-next` (package.json, `npm ci`). Its Latin files are cut
down with fontTools to the characters French and English need (below) and written as WOFF2,
with the licence beside them. The files are committed: the server and CI need neither npm
nor fontTools, and no font is ever fetched from another host.

    .venv/bin/python scripts/build_fonts.py
"""

import shutil
from pathlib import Path

from fontTools import subset

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE = BASE_DIR / "node_modules" / "@fontsource" / "atkinson-hyperlegible-next"
OUT = BASE_DIR / "site" / "static" / "fonts"
FAMILY = "atkinson-hyperlegible-next"
STYLES = ["400-normal", "700-normal", "400-italic"]

# Basic Latin, Latin-1 (accents, « », ·, ×), Œ œ Ÿ, typographic spaces, dashes, quotes,
# bullet, ellipsis, narrow no-break space (French punctuation), ‹ ›, €, ™, arrows, minus.
UNICODES = (
    list(range(0x20, 0x7F))
    + list(range(0xA0, 0x100))
    + [0x152, 0x153, 0x178, 0x2C6, 0x2DC]
    + [0x2009, 0x200A, 0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C]
    + [0x201D, 0x201E, 0x2022, 0x2026, 0x202F, 0x2039, 0x203A, 0x20AC, 0x2122]
    + [0x2190, 0x2192, 0x2212]
)


def main():
    if not PACKAGE.exists():
        raise SystemExit(f"{PACKAGE} is missing: run `npm ci` first.")
    OUT.mkdir(parents=True, exist_ok=True)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "tnum"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    for style in STYLES:
        source = PACKAGE / "files" / f"{FAMILY}-latin-{style}.woff2"
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        target = OUT / f"{FAMILY}-{style}.woff2"
        subset.save_font(font, str(target), options)
        print(f"{target.relative_to(BASE_DIR)}: {target.stat().st_size:,} bytes")
    shutil.copyfile(PACKAGE / "LICENSE", OUT / "LICENSE-atkinson-hyperlegible-next.txt")


if __name__ == "__main__":
    main()
