"""``{% key_figures value %}``: a page's key figures, counted ones from ``figure_counts``.

The page that shows key figures (home page, region) puts ``figure_counts`` in its context
(``regions.figures``); without figures of the editors' own (``value`` empty), the page's
default metrics are shown, in the order ``figure_counts`` gives them.
"""

from django import template

from core import figures as key

register = template.Library()


@register.inclusion_tag("includes/key_figures.html", takes_context=True)
def key_figures(context, value=None, heading_id="key-figures"):
    counts = context.get("figure_counts") or {}
    if callable(counts):  # read only when shown (core.fragments.once)
        counts = counts()
    if value:
        title = value.get("title", "")
        items = [dict(figure) for figure in value.get("figures", [])]
    else:
        title = ""
        items = key.defaults(counts)
    return {"title": title, "figures": key.resolve(items, counts), "heading_id": heading_id}
