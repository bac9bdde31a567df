#!/usr/bin/env python
"""`make brand`: the logo, icons, placeholders and sharing images, into site/static/img.

Everything is drawn by the project: the mark (a pinwheel of four half-discs, one per
chantier, on the movement's teal), the wordmark (the site's typeface turned into paths with
fontTools, so the files need no font), the illustrations of ``home.demo.illustrations``.
Rasters are rendered with resvg (``resvg-py``). Written, and committed:

- ``brand/mark.svg``, ``brand/mark-mono.svg``, ``brand/logo.svg``, ``brand/logo-mono.svg``,
  ``brand/logo-white.svg``; ``favicon.svg``, ``favicon.ico``, ``apple-touch-icon.png``,
  ``icon-192.png``, ``icon-512.png``, ``icon-maskable-512.png``;
- ``illustrations/<name>.svg``: the placeholders of cards and page headers;
- ``og/<page type>.png`` (1200 x 630): the image shared for a page that has none of its own.

    .venv/bin/python scripts/build_brand.py
"""

import io
import sys
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from home.demo.illustrations import (  # noqa: E402
    CHANTIER_BRIGHT,
    DRAWINGS,
    PALETTES,
    illustration,
    render,
)

IMG = BASE_DIR / "site" / "static" / "img"
FONT = BASE_DIR / "site" / "static" / "fonts" / "atkinson-hyperlegible-next-700-normal.woff2"
TEAL, DEEP, INK, SUN = "#00594f", "#00332d", "#16201e", "#ffd24d"
LIGHT_PETALS = ["#f6a04d", "#b98be3", "#4fb3e6", "#92c95a"]
# Sharing images by page type: (illustration, background band).
OG = {
    "default": "movement",
    "home": "movement",
    "chantiers": "movement",
    "training": "training",
    "social_innovation": "social_innovation",
    "cooperation": "cooperation",
    "impact": "impact",
    "regions": "territory",
    "news": "news",
    "press": "press",
    "agenda": "agenda",
    "roadmap": "territory",
    "page": "page",
    "search": "not_found",
}


def mark_body(petals=LIGHT_PETALS, disc=TEAL, centre=SUN):
    out = f'<circle cx="32" cy="32" r="32" fill="{disc}"/>' if disc else ""
    for i, colour in enumerate(petals):
        out += f'<path transform="rotate({90 * i} 32 32)" fill="{colour}" d="M32 32V8a12 12 0 0 1 0 24Z"/>'
    if centre:
        out += f'<circle cx="32" cy="32" r="3" fill="{centre}"/>'
    return out


def wordmark(text, x, baseline, size):
    """The text as SVG path data in the site's bold typeface, and its advance width."""
    font = TTFont(str(FONT))
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    paths, cursor = [], x
    for char in text:
        name = cmap.get(ord(char))
        if name is None:
            continue
        pen = SVGPathPen(glyphs)
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, cursor, baseline)))
        paths.append(pen.getCommands())
        cursor += glyphs[name].width * scale
    return " ".join(p for p in paths if p), cursor - x


def logo(colour_text, petals, disc, centre):
    name, width1 = wordmark("Mouvement", 80, 30, 26)
    ess, width2 = wordmark("ESS", 80, 60, 30)
    width = round(80 + max(width1, width2) + 4)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 64" width="{width * 2}" '
        f'height="128"><title>Mouvement ESS</title>{mark_body(petals, disc, centre)}'
        f'<path fill="{colour_text}" d="{name}"/><path fill="{colour_text}" d="{ess}"/></svg>\n'
    )


def svg64(body):
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">{body}</svg>\n'


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    print(f"{path.relative_to(BASE_DIR)}: {path.stat().st_size:,} bytes")


def png(svg, size, optimise=True):
    image = Image.open(io.BytesIO(render(svg, size, size)))
    if optimise:
        image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def og_image(name):
    """1200 x 630: the illustration on the right, the logo in white on the left."""
    tint, *_ = PALETTES[DRAWINGS[name][0]]
    art = illustration(name).replace('<svg xmlns="http://www.w3.org/2000/svg" ', "<svg ", 1)
    label, lw = wordmark("Mouvement", 0, 0, 64)
    ess, _ = wordmark("ESS", 0, 0, 80)
    body = (
        f'<rect width="1200" height="630" fill="{DEEP}"/>'
        f'<svg x="470" y="0" width="730" height="630" viewBox="150 0 900 675" '
        f'preserveAspectRatio="xMidYMid slice">{art[art.index(">") + 1 : -6]}</svg>'
        f'<rect x="466" width="8" height="630" fill="{SUN}"/>'
        f'<g transform="translate(70 170) scale(2.4)">{mark_body()}</g>'
        f'<path fill="#fff" transform="translate(70 430)" d="{label}"/>'
        f'<path fill="{SUN}" transform="translate(70 520)" d="{ess}"/>'
        + "".join(
            f'<rect x="{70 + i * 80}" y="560" width="70" height="10" rx="5" fill="{c}"/>'
            for i, c in enumerate(CHANTIER_BRIGHT)
        )
    )
    del lw, tint
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630" width="1200" height="630">{body}</svg>'
    image = Image.open(io.BytesIO(render(svg, 1200, 630))).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main():
    brand = IMG / "brand"
    write(brand / "mark.svg", svg64(mark_body()))
    write(brand / "mark-mono.svg", svg64(mark_body([INK] * 4, None, None)))
    write(brand / "logo.svg", logo(INK, LIGHT_PETALS, TEAL, SUN))
    write(brand / "logo-mono.svg", logo(INK, [INK] * 4, None, None))
    write(brand / "logo-white.svg", logo("#ffffff", LIGHT_PETALS, None, SUN))
    write(IMG / "favicon.svg", svg64(mark_body()))
    # Touch icons: the mark on white with a margin; the maskable one keeps the safe zone.
    padded = svg64(
        f'<rect width="64" height="64" fill="#fff"/><g transform="translate(6 6) scale(.8125)">{mark_body()}</g>'
    )
    maskable = svg64(
        f'<rect width="64" height="64" fill="{TEAL}"/><g transform="translate(12.8 12.8) scale(.6)">{mark_body()}</g>'
    )
    write(IMG / "apple-touch-icon.png", png(padded, 180))
    write(IMG / "icon-192.png", png(padded, 192))
    write(IMG / "icon-512.png", png(padded, 512))
    write(IMG / "icon-maskable-512.png", png(maskable, 512))
    icon = Image.open(io.BytesIO(render(svg64(mark_body()), 48, 48)))
    buffer = io.BytesIO()
    icon.save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    write(IMG / "favicon.ico", buffer.getvalue())
    for name in DRAWINGS:
        write(IMG / "illustrations" / f"{name}.svg", illustration(name) + "\n")
    for page_type, name in OG.items():
        write(IMG / "og" / f"{page_type}.png", og_image(name))


if __name__ == "__main__":
    main()
