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


def layout(areas):
    """Drawn areas (with their outline and label), unplaced areas and the ground."""
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
        lines = label_lines(area["title"])
        wide = outline["bbox"][2] >= WIDE_ENOUGH
        drawn.append(
            {
                **area,
                "key": key,
                "path": outline["path"],
                "x": number(x),
                "y": number(y - (len(lines) - 1) * 6),
                "lines": lines if wide else [outline["short"]],
                "short": outline["short"],
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
    drawn, unplaced, ground = layout(areas)
    placed_points = []
    for point in points:
        x, y = geo.project(point["lon"], point["lat"])
        placed_points.append({**point, "x": number(x), "y": number(y)})
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
