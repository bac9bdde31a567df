"""Bar charts drawn on the server as SVG: no script, no third party, readable by all.

Each bar sits under its label, so that the chart stays legible on a phone; the chart is an
image with a text alternative (its title and a sentence per value), and the page shows the
same values in a table after it. Colours come from the stylesheet (``.chart__bar``).
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 400
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_GAP = 12
VALUE_SPACE = 110


def row_label(row, rows):
    """A bar's label: the area, with the year when the values span several years."""
    years = {item["year"] for item in rows}
    if len(years) > 1 and len({item["area"] for item in rows}) > 1:
        return f"{row['area']} ({row['year']})"
    if len(years) > 1:
        return str(row["year"])
    return row["area"]


def format_value(value):
    """A figure as its source gives it, in the active language: "14,6", "55 100"."""
    value = Decimal(value)
    places = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=places, force_grouping=True)


def bar_chart(title, unit, rows):
    """The SVG markup of a horizontal bar chart of ``rows`` (dicts: area, year, value)."""
    if not rows:
        return ""
    highest = max((abs(Decimal(row["value"])) for row in rows), default=0) or Decimal(1)
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = row_height * len(rows)
    bar_space = WIDTH - VALUE_SPACE
    parts = []
    descriptions = []
    for position, row in enumerate(rows):
        top = position * row_height
        label = row_label(row, rows)
        shown = f"{format_value(row['value'])} {unit}".strip()
        width = max(2, round(float(abs(Decimal(row["value"])) / highest) * bar_space))
        descriptions.append(_("%(label)s: %(value)s") % {"label": label, "value": shown})
        parts.append(
            f'<text class="chart__label" x="0" y="{top + 14}">{escape(label)}</text>'
            f'<rect class="chart__bar" x="0" y="{top + LABEL_HEIGHT}" width="{width}" '
            f'height="{BAR_HEIGHT}" rx="3"></rect>'
            f'<text class="chart__value" x="{width + 8}" y="{top + LABEL_HEIGHT + 14}">'
            f"{escape(shown)}</text>"
        )
    summary = "; ".join(descriptions)
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(title)}. {escape(summary)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )
    return mark_safe(svg)
