"""The map of the regions: a schematic tile map drawn in SVG, coloured by chantier.

Each region is a square tile placed roughly where the region lies in France (a "tile map":
the shapes are deliberately schematic, no geographic data is copied). Regions the grid does
not know (a new region, an overseas one) are placed on a row below the mainland.
"""

import unicodedata

from django import template
from django.utils.text import slugify

from core.models import ThemeCode

register = template.Library()

TILE = 64  # side of a tile, in SVG user units
GAP = 6

# (column, row) on a 7 x 6 grid. Both the regions of 2010 (the movement's roadmap) and the
# current ones are listed; a site uses one set, and a clash falls back to the spare row.
GRID = {
    "nord-pas-de-calais": (3, 0),
    "hauts-de-france": (3, 0),
    "basse-normandie": (1, 1),
    "haute-normandie": (2, 1),
    "normandie": (2, 1),
    "picardie": (3, 1),
    "champagne-ardenne": (4, 1),
    "lorraine": (5, 1),
    "grand-est": (5, 1),
    "alsace": (6, 1),
    "bretagne": (0, 2),
    "pays-de-la-loire": (1, 2),
    "pays-de-loire": (1, 2),
    "centre": (2, 2),
    "centre-val-de-loire": (2, 2),
    "ile-de-france": (3, 2),
    "bourgogne": (4, 2),
    "bourgogne-franche-comte": (4, 2),
    "franche-comte": (5, 2),
    "poitou-charentes": (1, 3),
    "nouvelle-aquitaine": (1, 3),
    "limousin": (2, 3),
    "auvergne": (3, 3),
    "rhone-alpes": (4, 3),
    "auvergne-rhone-alpes": (4, 3),
    "aquitaine": (1, 4),
    "midi-pyrenees": (2, 4),
    "occitanie": (2, 4),
    "languedoc-roussillon": (3, 4),
    "provence-alpes-cote-d-azur": (4, 4),
    "provence-alpes-cote-dazur": (4, 4),
    "paca": (4, 4),
    "corse": (5, 5),
}
COLUMNS = 7
ROWS = 6
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "d", "l", "sur"}


def theme_number(code):
    """The chantier's number (1 to 4) in the order of the roadmap."""
    codes = [choice.value for choice in ThemeCode]
    return codes.index(code) + 1 if code in codes else None


def abbreviation(title):
    """A short label for a tile: initials of a compound name, else the first letters."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = [w for w in plain.replace("'", " ").replace("-", " ").split() if w]
    significant = [w for w in words if w.lower() not in SMALL_WORDS]
    if len(significant) > 1:
        return "".join(w[0] for w in significant).upper()[:4]
    return (significant or words or ["?"])[0][:3].upper()


def region_tiles(regions):
    """The tiles of the map: each region with its position, label and chantier."""
    taken, tiles, unplaced = set(), [], []
    for region in regions:
        position = GRID.get(region.slug) or GRID.get(slugify(region.title))
        if position is None or position in taken:
            unplaced.append(region)
            continue
        taken.add(position)
        tiles.append((region, position))
    for index, region in enumerate(unplaced):
        tiles.append((region, (index % COLUMNS, ROWS + index // COLUMNS)))
    rows = max([ROWS - 1] + [row for _, (_, row) in tiles]) + 1
    return [
        {
            "region": region,
            "x": col * (TILE + GAP),
            "y": row * (TILE + GAP),
            "cx": col * (TILE + GAP) + TILE // 2,
            "label_y": row * (TILE + GAP) + TILE // 2 - 4,
            "number_y": row * (TILE + GAP) + TILE // 2 + 16,
            "abbr": abbreviation(region.title),
            "theme": region.theme or "none",
            "number": theme_number(region.theme),
        }
        for region, (col, row) in tiles
    ], rows


@register.inclusion_tag("includes/region_map.html", takes_context=True)
def region_map(context, regions, heading_level=2):
    tiles, rows = region_tiles(regions)
    taken = {(t["x"], t["y"]) for t in tiles}
    # The rest of the mainland, drawn faintly so that the map keeps the shape of France.
    ground = sorted({(c * (TILE + GAP), r * (TILE + GAP)) for c, r in GRID.values()} - taken)
    legend = [
        {"code": choice.value, "number": theme_number(choice.value), "label": choice.label}
        for choice in ThemeCode
    ]
    return {
        "request": context.get("request"),
        "tiles": tiles,
        "ground": ground,
        "legend": legend,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": rows * (TILE + GAP) - GAP,
        "tile": TILE,
        "heading_level": heading_level,
    }


@register.filter
def chantier_number(code):
    """``{{ page.theme|chantier_number }}``: the chantier's number, 1 to 4."""
    return theme_number(code) or ""
