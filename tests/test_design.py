"""The palette keeps its promises: every text and interface colour pair of docs/design.md,
read from the tokens of site.css, meets WCAG contrast (AAA for body text)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

CSS = Path(settings.BASE_DIR) / "site" / "static" / "css" / "site.css"
AAA, AA, UI = 7.0, 4.5, 3.0
CHANTIERS = ["training", "social_innovation", "cooperation", "impact"]
PAIRS = (
    [("text", "bg", AAA), ("text", "surface", AAA), ("text", "band", AAA)]
    + [("text", f"{c}-tint", AAA) for c in CHANTIERS]
    + [("muted", "bg", AAA), ("muted", "surface", AAA)]
    + [("primary", "bg", AA), ("primary", "primary-tint", AA), ("primary", "surface", AA)]
    + [("primary-contrast", "primary", AA), ("primary-contrast", "primary-dark", AA)]
    + [("on-dark", "primary-deep", AAA), ("on-dark-muted", "primary-deep", AA)]
    + [("sun", "primary-deep", AA), ("text", "sun", AAA)]
    + [("on-dark", c, AA) for c in CHANTIERS]
    + [(c, f"{c}-tint", AA) for c in CHANTIERS]
    + [("error", "bg", AA), ("border-strong", "bg", UI), ("focus", "bg", UI)]
    + [("focus-halo", "primary-deep", UI)]
)


def tokens():
    root = CSS.read_text(encoding="utf-8").split(":root {", 1)[1].split("}", 1)[0]
    return dict(re.findall(r"--color-([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_colour_pair_meets_its_contrast(foreground, background, minimum):
    colours = tokens()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}:1 < {minimum}:1"


def test_every_chantier_has_its_three_tones():
    colours = tokens()
    for code in CHANTIERS:
        assert {code, f"{code}-tint", f"{code}-bright"} <= set(colours), code
