"""Key figures that count themselves: the site's data the home page and each region show.

``FigureMetric`` names what a key figure may count; the page that shows the figures (the
home page, a region) works the numbers out (``regions.figures``) and puts them in its
context as ``figure_counts``; ``core.blocks.KeyFiguresBlock`` renders an editor's figures,
counted or typed. A counted figure's default label agrees with its number.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class FigureMetric(models.TextChoices):
    REGIONS = "regions", _("Regions taking part")
    MEMBER_ORGANISATIONS = "member_organisations", _("Member organisations")
    PROJECTS = "projects", _("Projects in the project bank")
    EVENTS_THIS_YEAR = "events_this_year", _("Events this year")


def default_label(metric, number):
    """The label of a counted figure when the editor wrote none, in the active language."""
    labels = {
        FigureMetric.REGIONS: lambda n: ngettext("region taking part", "regions taking part", n),
        FigureMetric.MEMBER_ORGANISATIONS: lambda n: ngettext(
            "member organisation", "member organisations", n
        ),
        FigureMetric.PROJECTS: lambda n: ngettext(
            "project in the project bank", "projects in the project bank", n
        ),
        FigureMetric.EVENTS_THIS_YEAR: lambda n: ngettext("event this year", "events this year", n),
    }
    label = labels.get(metric)
    return label(number) if label else ""


#: What a home page shows when its editors chose no figure.
HOME_DEFAULT = (
    FigureMetric.REGIONS,
    FigureMetric.MEMBER_ORGANISATIONS,
    FigureMetric.PROJECTS,
    FigureMetric.EVENTS_THIS_YEAR,
)
#: What a region shows when its editors chose no figure ("regions" means nothing there).
REGION_DEFAULT = (
    FigureMetric.MEMBER_ORGANISATIONS,
    FigureMetric.PROJECTS,
    FigureMetric.EVENTS_THIS_YEAR,
)


def resolve(figures, counts):
    """The figures to show: ``{"number", "label", "source", "metric"}`` each.

    ``figures`` are the block's values (or ``None`` for the page's defaults: ``counts``'
    metrics in order); a counted figure takes its number from ``counts`` and, when the
    editor left it empty, the default label.
    """
    resolved = []
    for figure in figures:
        metric = figure.get("metric") or ""
        number = figure.get("number") or ""
        label = figure.get("label") or ""
        if metric:
            count = counts.get(metric)
            if count is None:
                continue  # a metric this page does not count
            number = count
            label = label or default_label(metric, count)
        resolved.append(
            {
                "number": number,
                "label": label,
                "source": figure.get("source") or "",
                "metric": metric,
            }
        )
    return resolved


def defaults(metrics):
    return [{"metric": metric} for metric in metrics]
