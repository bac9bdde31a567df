"""``{% france_map areas %}`` and ``{% france_outline key %}``: the map of France in SVG.

An *area* is a dict: ``names`` (slugs or titles to find its outline by), ``title``,
``url``, ``modifier`` (a CSS class suffix: the chantier's code), ``description`` (said by
screen readers after the title) and optionally ``lang``. Areas whose outline is known are
drawn, labelled and linked, in the order given (the keyboard's order); the others are
returned as ``unplaced``, for a list beside the map. A *point* is a dict with ``lon``,
``lat``, ``title`` and optionally ``url``: it is projected with ``maps.geo.project``.
"""

from django import template

from maps import geo

register = template.Library()

LINE_LENGTH = 11  # a label longer than this goes on two lines
WIDE_ENOUGH = 58  # map units: narrower regions show their short label
# A label's box in map units (site.css: 11 px bold, 12 px between lines; the short label
# alone, 19 px, on small screens), and the room kept around a point (its radius is 6).
CHAR_WIDTH, LINE_HEIGHT = 6.2, 12
SHORT_CHAR_WIDTH, SHORT_HEIGHT = 11.5, 19
POINT_CLEARANCE = 8
# Where a label may move from its region's label point, nearest first.
OFFSETS = sorted(
    ((dx, dy) for dx in range(-36, 37, 6) for dy in range(-42, 43, 6)),
    key=lambda offset: offset[0] ** 2 + offset[1] ** 2,
)


def number(value):
    """A coordinate as SVG wants it, whatever the active language's decimal separator."""
    return f"{round(float(value), 1):g}"


def label_lines(title):
    """One or two lines for a label, cut at the hyphen or space nearest the middle."""
    if len(title) <= LINE_LENGTH:
        return [title]
    cuts = [i for i, c in enumerate(title) if c in "- "]
    if not cuts:
        return [title]
    middle = len(title) / 2
    cut = min(cuts, key=lambda i: abs(i + 0.5 - middle))
    first = title[: cut + 1] if title[cut] == "-" else title[:cut]
    return [first, title[cut + 1 :]]


def place_label(key, x, y, width, height, points, *, clear=True):
    """The centre of a ``width`` x ``height`` label near ``(x, y)``, the nearest place
    inside its region (white on the region's colour) and, with ``clear``, off every point;
    ``None`` when there is none."""
    for dx, dy in OFFSETS:
        cx, cy = x + dx, y + dy
        left, right = cx - width / 2, cx + width / 2
        top, bottom = cy - height / 2, cy + height / 2
        if clear and any(
            left - POINT_CLEARANCE < px < right + POINT_CLEARANCE
            and top - POINT_CLEARANCE < py < bottom + POINT_CLEARANCE
            for px, py in points
        ):
            continue
        edges = [(left, top), (right, top), (left, bottom), (right, bottom)]
        edges += [(cx, top), (cx, bottom), (left, cy), (right, cy)]
        if all(geo.contains(key, edge) for edge in edges):
            return cx, cy
    return None


def label_spot(key, outline, title, points):
    """Lines and centre of a region's label: its name where it fits inside the region off
    the points, else the short label where that does, else whichever fits inside."""
    x, y = outline["label"]
    short = [outline["short"]]
    lines = label_lines(title) if outline["bbox"][2] >= WIDE_ENOUGH else short
    tries = [(lines, True), (short, True), (lines, False), (short, False)]
    for candidate, clear in tries:
        width = max(len(line) for line in candidate) * CHAR_WIDTH
        height = len(candidate) * LINE_HEIGHT
        spot = place_label(key, x, y, width, height, points, clear=clear)
        if spot:
            return candidate, spot
    return short, (x, y)


def layout(areas, points=()):
    """Drawn areas (with their outline and label), unplaced areas and the ground.

    Each label goes where it stays inside its region and leaves the points visible: the
    region's label point when it can, else the nearest place that does (``label_spot``)."""
    regions = geo.data()["regions"]
    drawn, unplaced, claimed = [], [], set()
    for area in areas:
        key = geo.shape_key(*area.get("names", ()), area.get("title"))
        outline = regions.get(key)
        if outline is None or claimed & set(outline["departments"]):
            unplaced.append(area)
            continue
        claimed |= set(outline["departments"])
        x, y = outline["label"]
        lines = label_lines(area["title"]) if outline["bbox"][2] >= WIDE_ENOUGH else []
        spot = None
        if lines:
            width = max(len(line) for line in lines) * CHAR_WIDTH
            spot = place_label(key, x, y, width, len(lines) * LINE_HEIGHT, points)
        if spot is None:
            lines = [outline["short"]]
            spot = place_label(key, x, y, len(lines[0]) * CHAR_WIDTH, LINE_HEIGHT, points) or (x, y)
        short = place_label(
            key, x, y, len(outline["short"]) * SHORT_CHAR_WIDTH, SHORT_HEIGHT, points
        ) or (x, y)
        drawn.append(
            {
                **area,
                "key": key,
                "path": outline["path"],
                "x": number(spot[0]),
                "y": number(spot[1] - (len(lines) - 1) * LINE_HEIGHT / 2),
                "lines": lines,
                "short": outline["short"],
                "short_x": number(short[0]),
                "short_y": number(short[1]),
            }
        )
    # The rest of France, drawn faintly: the regions of the same set as the site's.
    sets = {regions[a["key"]]["set"] for a in drawn} - {"both"}
    era = "2016" if sets == {"2016"} else "2015"
    ground = [
        outline["path"]
        for outline in regions.values()
        if outline["set"] in (era, "both") and not claimed & set(outline["departments"])
    ]
    return drawn, unplaced, ground


@register.inclusion_tag("maps/france_map.html")
def france_map(areas, points=(), label="", map_id="france-map"):
    placed_points, spots = [], []
    for point in points:
        x, y = geo.project(point["lon"], point["lat"])
        spots.append((x, y))
        placed_points.append({**point, "x": number(x), "y": number(y)})
    drawn, unplaced, ground = layout(areas, spots)
    return {
        "view_box": " ".join(number(v) for v in geo.view_box()),
        "width": number(geo.view_box()[2]),
        "height": number(geo.view_box()[3]),
        "country": geo.data()["country"],
        "ground": ground,
        "areas": drawn,
        "unplaced": unplaced,
        "points": placed_points,
        "label": label,
        "map_id": map_id,
    }


@register.inclusion_tag("maps/france_outline.html")
def france_outline(names, modifier="", label="", crop=False):
    """One region highlighted on France (``crop``: the region alone, for a thumbnail)."""
    if isinstance(names, str):
        names = [names]
    key = geo.shape_key(*names)
    outline = geo.shape(key) if key else None
    if crop and outline:
        x, y, w, h = outline["bbox"]
        pad = max(w, h) * 0.06
        view_box = [x - pad, y - pad, w + 2 * pad, h + 2 * pad]
    else:
        view_box = geo.view_box()
    return {
        "outline": outline,
        "country": None if crop else geo.data()["country"],
        "view_box": " ".join(number(v) for v in view_box),
        "width": number(round(view_box[2])),
        "height": number(round(view_box[3])),
        "modifier": modifier,
        "label": label,
        "crop": crop,
    }
