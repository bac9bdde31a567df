"""The project's illustrations, drawn as SVG: one per chantier and per kind of page.

One visual language for the whole site: flat shapes on a chantier's tint, the semicircles
of the logo's pinwheel, people drawn as a head and a half-disc. ``illustration(name)``
returns the SVG text (1200 x 675, 16:9); ``render(svg, width)`` rasterises it with
resvg (``resvg-py``: a self-contained wheel, no system library, full SVG support) for
the demo's Wagtail images, the social-sharing images and the touch icons. No Django here:
``scripts/build_brand.py`` imports it too.
"""

import hashlib
import math

WIDTH, HEIGHT = 1200, 675

# name: (tint, dark, bright, light)
PALETTES = {
    "training": ("#fdf0e4", "#9a4500", "#f08a24", "#f9c48f"),
    "social_innovation": ("#f3ecfa", "#6b2fa0", "#9b5fd1", "#d6bdf0"),
    "cooperation": ("#e5f2f9", "#005f8f", "#1e8fc6", "#9fd2ee"),
    "impact": ("#edf5e1", "#3d6b00", "#6fa83a", "#bfe09a"),
    "movement": ("#e3f1ec", "#00594f", "#2f8f7f", "#a9d8cc"),
}
CHANTIER_BRIGHT = ["#f08a24", "#9b5fd1", "#1e8fc6", "#6fa83a"]
CHANTIER_DARK = ["#9a4500", "#6b2fa0", "#005f8f", "#3d6b00"]
INK = "#16201e"
SUN = "#ffd24d"


def _svg(background, body, width=WIDTH, height=HEIGHT):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><rect width="{width}" height="{height}" '
        f'fill="{background}"/>{body}</svg>'
    )


def dots(colour, x0=0, y0=0, cols=20, rows=12, step=60, r=4, opacity=0.35):
    """A field of dots (an SVG pattern: a few bytes whatever its size)."""
    key = "d" + hashlib.md5(f"{colour}{x0}{y0}{step}{r}".encode()).hexdigest()[:6]
    return (
        f'<pattern id="{key}" x="{x0 - step / 2}" y="{y0 - step / 2}" width="{step}" '
        f'height="{step}" patternUnits="userSpaceOnUse"><circle cx="{step / 2}" cy="{step / 2}" '
        f'r="{r}" fill="{colour}" fill-opacity="{opacity}"/></pattern>'
        f'<rect x="{x0 - step / 2}" y="{y0 - step / 2}" width="{cols * step}" '
        f'height="{rows * step}" fill="url(#{key})"/>'
    )


def half_disc(cx, cy, r, colour, angle=0):
    """A half-disc whose flat side goes through (cx, cy), turned by ``angle`` degrees."""
    return (
        f'<path transform="rotate({angle} {cx} {cy})" fill="{colour}" '
        f'd="M{cx - r} {cy}a{r} {r} 0 0 1 {2 * r} 0Z"/>'
    )


def person(x, y, size, colour, head=None):
    """A person: a head and a half-disc body, feet at (x, y)."""
    body = half_disc(x, y, size, colour)
    return (
        body
        + f'<circle cx="{x}" cy="{y - size * 1.55}" r="{size * 0.45}" fill="{head or colour}"/>'
    )


def pinwheel(cx, cy, r, colours=CHANTIER_BRIGHT, centre=SUN):
    petals = "".join(
        f'<path transform="rotate({90 * i} {cx} {cy})" fill="{colour}" '
        f'd="M{cx} {cy}V{cy - 2 * r}a{r} {r} 0 0 1 0 {2 * r}Z"/>'
        for i, colour in enumerate(colours)
    )
    return petals + f'<circle cx="{cx}" cy="{cy}" r="{r * 0.22}" fill="{centre}"/>'


def _training(tint, dark, bright, light):
    steps = "".join(
        f'<rect x="{560 + i * 130}" y="{520 - i * 90}" width="130" height="{155 + i * 90}" '
        f'rx="14" fill="{[light, bright, dark][i % 3]}"/>'
        for i in range(4)
    )
    book = (
        f'<path d="M170 470q110-50 220 0v-230q-110-50-220 0Z" fill="{dark}"/>'
        f'<path d="M390 470q110-50 220 0v-230q-110-50-220 0Z" fill="{bright}"/>'
        + "".join(
            f'<path d="M{200 + s * 220} {300 + k * 40}q80-28 160 0" stroke="#fff" '
            f'stroke-width="10" stroke-linecap="round" fill="none" stroke-opacity=".8"/>'
            for s in range(2)
            for k in range(3)
        )
    )
    climber = person(1000, 250, 42, INK, head=INK) + half_disc(1000, 250, 42, dark)
    return (
        dots(dark, 40, 40, 8, 4)
        + steps
        + book
        + climber
        + f'<circle cx="1040" cy="110" r="46" fill="{SUN}"/>'
    )


def _social_innovation(tint, dark, bright, light):
    bulb = (
        f'<circle cx="600" cy="300" r="170" fill="{SUN}"/>'
        f'<rect x="535" y="455" width="130" height="70" rx="14" fill="{dark}"/>'
        f'<rect x="555" y="535" width="90" height="34" rx="12" fill="{dark}"/>'
        f'<path d="M600 420V300m-45-35 45 35 45-35" stroke="{dark}" stroke-width="16" '
        f'fill="none" stroke-linecap="round" stroke-linejoin="round"/>'
    )
    rays = "".join(
        half_disc(
            600 + 265 * math.cos(math.radians(a)),
            300 + 265 * math.sin(math.radians(a)),
            34,
            [bright, light, dark][i % 3],
            a + 90,
        )
        for i, a in enumerate(range(-180, 1, 30))
    )
    sprout = (
        f'<path d="M220 620V470" stroke="{dark}" stroke-width="14"/>'
        + half_disc(220, 500, 60, bright, -45)
        + half_disc(220, 470, 50, light, 45)
    )
    return dots(dark, 880, 380, 6, 5) + rays + bulb + sprout + person(980, 640, 60, dark, head=INK)


def _cooperation(tint, dark, bright, light):
    rings = "".join(
        f'<circle cx="{430 + i * 170}" cy="320" r="150" fill="none" stroke="{colour}" '
        f'stroke-width="34"/>'
        for i, colour in enumerate([dark, bright, light])
    )
    nodes = [(150, 140), (260, 560), (1040, 150), (980, 560), (600, 600)]
    links = "".join(
        f'<line x1="{x}" y1="{y}" x2="600" y2="320" stroke="{dark}" stroke-width="6" '
        f'stroke-dasharray="4 16" stroke-linecap="round"/>'
        for x, y in nodes
    )
    people = "".join(
        person(x, y + 40, 34, CHANTIER_DARK[i % 4], head=INK) for i, (x, y) in enumerate(nodes)
    )
    return dots(dark, 30, 30, 20, 11, 60, 3, 0.25) + links + rings + people


def _impact(tint, dark, bright, light):
    bars = "".join(
        f'<rect x="{180 + i * 120}" y="{560 - h}" width="84" height="{h}" rx="12" '
        f'fill="{[light, bright, dark][i % 3]}"/>'
        for i, h in enumerate([110, 170, 150, 250, 320, 400])
    )
    curve = (
        f'<path d="M200 430C400 420 520 300 620 280S820 160 900 120" stroke="{INK}" '
        f'stroke-width="12" fill="none" stroke-linecap="round"/>'
        f'<circle cx="900" cy="120" r="22" fill="{SUN}" stroke="{INK}" stroke-width="10"/>'
    )
    lens = (
        f'<circle cx="960" cy="430" r="110" fill="#fff" fill-opacity=".6" stroke="{dark}" '
        f'stroke-width="26"/><path d="M1040 510l90 90" stroke="{dark}" stroke-width="36" '
        f'stroke-linecap="round"/>'
        + half_disc(960, 470, 46, bright)
        + f'<circle cx="960" cy="400" r="22" fill="{bright}"/>'
    )
    return (
        dots(dark, 60, 40, 6, 4)
        + f'<rect x="150" y="560" width="760" height="10" rx="5" fill="{INK}"/>'
        + bars
        + curve
        + lens
    )


def _movement(tint, dark, bright, light):
    crowd = ""
    for row in range(3):
        for col in range(9 - row):
            x = 150 + col * 115 + row * 57
            y = 660 - row * 95
            crowd += person(x, y, 40 - row * 4, CHANTIER_BRIGHT[(col + row) % 4], head=INK)
    return dots(dark, 30, 30, 20, 6, 60, 3, 0.3) + pinwheel(600, 170, 72) + crowd


def _news(tint, dark, bright, light):
    sheet = (
        f'<rect x="250" y="90" width="520" height="500" rx="24" fill="#fff" stroke="{INK}" stroke-width="8"/>'
        f'<rect x="300" y="140" width="420" height="60" rx="10" fill="{dark}"/>'
        f'<rect x="300" y="230" width="190" height="150" rx="12" fill="{bright}"/>'
        + half_disc(395, 380, 60, dark)
        + "".join(
            f'<rect x="{520 if k < 4 else 300}" y="{235 + k * 36}" width="{200 if k < 4 else 420}" '
            f'height="14" rx="7" fill="{INK}" fill-opacity=".25"/>'
            for k in range(9)
        )
    )
    bubble = (
        f'<path d="M820 170h230a30 30 0 0 1 30 30v140a30 30 0 0 1-30 30H900l-60 50v-50h-20'
        f'a30 30 0 0 1-30-30V200a30 30 0 0 1 30-30Z" fill="{SUN}"/>'
        + "".join(f'<circle cx="{880 + i * 55}" cy="270" r="14" fill="{INK}"/>' for i in range(4))
    )
    return dots(dark, 40, 60, 4, 10) + sheet + bubble + pinwheel(1000, 560, 50)


def _press(tint, dark, bright, light):
    horn = (
        f'<path d="M330 300l360-150v370L330 370Z" fill="{dark}"/>'
        f'<rect x="240" y="290" width="110" height="90" rx="20" fill="{bright}"/>'
        f'<path d="M400 380l40 150h70l-30-130" fill="{INK}"/>'
    )
    waves = "".join(
        f'<path d="M{760 + i * 70} {210 - i * 40}q{60 + i * 20} {125 + i * 40} 0 {250 + i * 80}" '
        f'stroke="{[bright, light, SUN][i]}" stroke-width="26" fill="none" stroke-linecap="round"/>'
        for i in range(3)
    )
    sheet = (
        f'<rect x="880" y="420" width="200" height="220" rx="16" fill="#fff" stroke="{INK}" stroke-width="8"/>'
        f'<rect x="910" y="455" width="80" height="40" rx="8" fill="{dark}"/>'
        + "".join(
            f'<rect x="910" y="{520 + k * 30}" width="140" height="12" rx="6" fill="{INK}" fill-opacity=".3"/>'
            for k in range(3)
        )
    )
    return dots(dark, 60, 420, 10, 4) + waves + horn + sheet


def _agenda(tint, dark, bright, light):
    grid = f'<rect x="200" y="110" width="560" height="480" rx="28" fill="#fff" stroke="{INK}" stroke-width="8"/>'
    grid += f'<rect x="200" y="110" width="560" height="100" rx="28" fill="{dark}"/>'
    grid += "".join(
        f'<rect x="{240 + c * 100}" y="{240 + r * 85}" width="70" height="60" rx="10" '
        f'fill="{bright if (r, c) in {(1, 2), (3, 1)} else SUN if (r, c) == (2, 4) else light}"/>'
        for r in range(4)
        for c in range(5)
    )
    rings = "".join(
        f'<rect x="{300 + i * 320}" y="80" width="34" height="80" rx="17" fill="{INK}"/>'
        for i in range(2)
    )
    people = "".join(person(880 + i * 110, 600, 44, CHANTIER_BRIGHT[i], head=INK) for i in range(3))
    return dots(dark, 860, 60, 6, 5) + grid + rings + people


def _congress(tint, dark, bright, light):
    stage = f'<rect x="380" y="80" width="440" height="170" rx="20" fill="{dark}"/>'
    stage += pinwheel(600, 165, 52)
    hall = ""
    for row in range(4):
        for col in range(11):
            x = 110 + col * 100 + (row % 2) * 50
            y = 360 + row * 90
            hall += person(x, y, 30, CHANTIER_BRIGHT[(col + row) % 4], head=INK)
    return stage + hall


def _africa(tint, dark, bright, light):
    sun = "".join(
        f'<circle cx="860" cy="260" r="{220 - i * 50}" fill="{colour}"/>'
        for i, colour in enumerate([light, bright, SUN, "#fff"])
    )
    land = f'<path d="M0 500q300-80 600-20t600-40V675H0Z" fill="{dark}"/>'
    tree = (
        f'<path d="M300 500v-170" stroke="{INK}" stroke-width="28"/>'
        f'<ellipse cx="300" cy="300" rx="190" ry="60" fill="{INK}"/>'
    )
    people = "".join(person(560 + i * 120, 620, 44, CHANTIER_BRIGHT[i], head=INK) for i in range(4))
    return sun + land + tree + people


def _territory(tint, dark, bright, light):
    tiles = ""
    for r in range(5):
        for c in range(9):
            colour = [light, bright, dark, "#fff"][(r * 3 + c * 2) % 4]
            tiles += f'<rect x="{120 + c * 110}" y="{70 + r * 110}" width="96" height="96" rx="18" fill="{colour}"/>'
    pin = (
        f'<path d="M760 150a90 90 0 0 1 90 90c0 80-90 170-90 170s-90-90-90-170a90 90 0 0 1 90-90Z" '
        f'fill="{SUN}" stroke="{INK}" stroke-width="10"/><circle cx="760" cy="240" r="30" fill="{INK}"/>'
    )
    return tiles + pin


def _page(tint, dark, bright, light):
    sheet = (
        f'<rect x="380" y="90" width="440" height="500" rx="24" fill="#fff" stroke="{INK}" stroke-width="8"/>'
        + "".join(
            f'<rect x="430" y="{160 + k * 44}" width="{340 if k % 3 else 220}" height="16" rx="8" '
            f'fill="{dark if k == 0 else INK}" fill-opacity="{1 if k == 0 else 0.25}"/>'
            for k in range(9)
        )
    )
    return dots(dark, 60, 60, 5, 10) + dots(dark, 900, 60, 5, 10) + sheet + pinwheel(820, 560, 60)


def _not_found(tint, dark, bright, light):
    return (
        dots(dark, 40, 40, 20, 11, 60, 3, 0.25)
        + f'<circle cx="520" cy="300" r="170" fill="#fff" stroke="{dark}" stroke-width="30"/>'
        + f'<path d="M640 420l170 170" stroke="{dark}" stroke-width="48" stroke-linecap="round"/>'
        + pinwheel(520, 300, 70)
    )


DRAWINGS = {
    "training": ("training", _training),
    "social_innovation": ("social_innovation", _social_innovation),
    "cooperation": ("cooperation", _cooperation),
    "impact": ("impact", _impact),
    "movement": ("movement", _movement),
    "news": ("cooperation", _news),
    "press": ("movement", _press),
    "agenda": ("training", _agenda),
    "congress": ("social_innovation", _congress),
    "africa": ("training", _africa),
    "territory": ("impact", _territory),
    "page": ("movement", _page),
    "not_found": ("movement", _not_found),
}


def illustration(name, background=True):
    """The SVG text of an illustration (see ``DRAWINGS``)."""
    palette_name, draw = DRAWINGS[name]
    tint, dark, bright, light = PALETTES[palette_name]
    return _svg(tint if background else "none", draw(tint, dark, bright, light))


def render(svg, width=WIDTH, height=None):
    """PNG bytes of an SVG, ``width`` pixels wide."""
    import resvg_py  # only rendering needs it (the demo loader and scripts/build_brand.py)

    height = height or round(width * HEIGHT / WIDTH)
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, height=height))


def render_jpeg(svg, width=WIDTH, quality=82):
    """JPEG bytes of an SVG (what the demo's Wagtail images are stored as)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(render(svg, width))).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()
