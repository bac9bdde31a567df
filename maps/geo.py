"""The map's geography: region outlines and the projection, read from ``data/france.json``.

The drawing is in map units (its ``viewBox``, about 613 x 585). ``project(lon, lat)``
places a longitude/latitude there: the source drawing is a Mercator projection, and
``build_map_data`` fits the affine step from Mercator to map units on eight reference
places (``projection.max_residual`` in the data file: under one unit, about 1.5 km).
"""

import functools
import json
import math
import re
from pathlib import Path

from django.utils.text import slugify

DATA_FILE = Path(__file__).resolve().parent / "data" / "france.json"


@functools.cache
def data():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def view_box():
    return data()["viewBox"]


def project(lon, lat):
    """Map coordinates ``(x, y)`` of a longitude and latitude (degrees, WGS 84)."""
    lam = math.radians(float(lon))
    psi = math.log(math.tan(math.pi / 4 + math.radians(float(lat)) / 2))
    ax, bx, cx = data()["projection"]["x"]
    ay, by, cy = data()["projection"]["y"]
    return ax * lam + bx * psi + cx, ay * lam + by * psi + cy


def shape_key(*names):
    """The key of the outline for a region known by one of ``names`` (slug or title)."""
    regions, aliases = data()["regions"], data()["aliases"]
    for name in names:
        if not name:
            continue
        slug = slugify(str(name))
        for candidate in (slug, slug.replace("-d-", "-d")):
            key = aliases.get(candidate, candidate)
            if key in regions:
                return key
    return None


def shape(key):
    """A region's outline: name, short label, departments, path, label point, bbox."""
    return data()["regions"].get(key)


@functools.cache
def rings(path):
    """The rings of a path written by ``build_map_data`` (``M x y l dx dy ... z``)."""
    out = []
    for absolute, relative in re.findall(r"M([^l]+)l([^z]*)z", path):
        x, y = (float(v) for v in absolute.split())
        ring = [(x, y)]
        for dx, dy in re.findall(r"(-?\.?\d[\d.]*)\s?(-?\.?\d[\d.]*)", relative):
            x, y = x + float(dx), y + float(dy)
            ring.append((x, y))
        out.append(ring)
    return out


def contains(key, point):
    """Whether the map point ``(x, y)`` lies inside the outline ``key`` (even-odd rule)."""
    x, y = point
    inside = False
    for ring in rings(shape(key)["path"]):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
