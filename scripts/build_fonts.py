#!/usr/bin/env python
"""`make fonts`: the site's typeface, subset from the pinned npm package into site/static/fonts.

Atkinson Hyperlegible Next (Braille Institute, SIL Open Font License 1.1) comes from
`@fontsource/atkinson-hyperlegible-next` (package.json, `npm ci`). Its Latin files are cut
down with fontTools to the characters French and English need (below) and written as WOFF2,
with the licence beside them. The files are committed: the server and CI need neither npm
nor fontTools, and no font is ever fetched from another host.

It also writes, between two markers of site/static/css/site.css, a fallback face per weight:
the visitor's Arial (or a font with its metrics: Liberation Sans, Arimo) scaled to the width
of Atkinson's text and given its ascent and descent, so that the text drawn before the font
arrives (``font-display: swap``) takes the room it will take after: no layout shift.

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


CSS = BASE_DIR / "site" / "static" / "css" / "site.css"
BEGIN, END = "/* fallback faces: make fonts */", "/* end of fallback faces */"
# Arial's metrics, from the font Debian ships with them (package fonts-liberation).
ARIAL = Path("/usr/share/fonts/truetype/liberation")
LOCAL_NAMES = {
    "400": ["Arial", "ArialMT", "Liberation Sans", "LiberationSans-Regular", "Arimo"],
    "700": [
        "Arial Bold",
        "Arial-BoldMT",
        "Liberation Sans Bold",
        "LiberationSans-Bold",
        "Arimo Bold",
    ],
}
# Text whose letters come in the proportions of the site's French and English.
SAMPLE = (
    "Le mouvement de l'économie sociale et solidaire rassemble les coopératives, les "
    "mutuelles, les associations et les fondations dans chaque région. The movement of the "
    "social and solidarity economy brings cooperatives, mutuals, associations and "
    "foundations together in every region. 2026"
)


def average_width(font):
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    total = sum(metrics[cmap[ord(char)]][0] for char in SAMPLE)
    return total / len(SAMPLE) / font["head"].unitsPerEm


def fallback_faces():
    """The @font-face rules of the metric-matched fallback, one per weight."""
    from fontTools.ttLib import TTFont

    rules = [BEGIN]
    for weight, arial in (
        ("400", "LiberationSans-Regular.ttf"),
        ("700", "LiberationSans-Bold.ttf"),
    ):
        atkinson = TTFont(OUT / f"{FAMILY}-{weight}-normal.woff2")
        scale = average_width(atkinson) / average_width(TTFont(ARIAL / arial))
        upm = atkinson["head"].unitsPerEm
        typo = atkinson["OS/2"]
        ascent = typo.sTypoAscender / upm / scale
        descent = -typo.sTypoDescender / upm / scale
        gap = typo.sTypoLineGap / upm / scale
        sources = ", ".join(f'local("{name}")' for name in LOCAL_NAMES[weight])
        rules += [
            "@font-face {",
            f'  font-family: "Atkinson fallback"; font-style: normal; font-weight: {weight};',
            f"  src: {sources};",
            f"  size-adjust: {100 * scale:.2f}%; ascent-override: {100 * ascent:.2f}%;"
            f" descent-override: {100 * descent:.2f}%; line-gap-override: {100 * gap:.2f}%;",
            "}",
        ]
    rules.append(END)
    return "\n".join(rules)


def write_fallback_faces():
    text = CSS.read_text()
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    CSS.write_text(head + fallback_faces() + tail)
    print(f"{CSS.relative_to(BASE_DIR)}: fallback faces rewritten")


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
    write_fallback_faces()


if __name__ == "__main__":
    main()
