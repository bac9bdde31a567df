"""The regions on the map of France (``maps``), coloured and numbered by their chantier.

``{% region_map regions %}`` draws every region whose outline the map knows (the regions
of the 2010 roadmap and today's), in alphabetical order, linked and focusable; regions the
map does not know (overseas, new names) are listed beside it. The list of all regions with
their chantier follows the map as its text equivalent. ``{% region_outline region %}``
draws one region on France for a page header or a card.
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.models import ThemeCode
from maps.templatetags.france_map import france_map, france_outline

register = template.Library()


def theme_number(code):
    """The chantier's number (1 to 4) in the order of the roadmap."""
    codes = [choice.value for choice in ThemeCode]
    return codes.index(code) + 1 if code in codes else None


def chantier_description(code):
    if code not in ThemeCode.values:
        return ""
    return _("chantier %(number)s: %(label)s") % {
        "number": theme_number(code),
        "label": ThemeCode(code).label,
    }


def region_areas(regions, request=None):
    return [
        {
            "names": [region.slug],
            "title": region.title,
            "url": region.get_url(request),
            "modifier": region.theme or "none",
            "description": chantier_description(region.theme),
            "region": region,
            "number": theme_number(region.theme),
        }
        for region in regions
    ]


@register.inclusion_tag("includes/region_map.html", takes_context=True)
def region_map(context, regions, map_id="region-map"):
    areas = region_areas(sorted(regions, key=lambda r: r.title), context.get("request"))
    drawn = france_map(areas, label=_("Map of the regions and their chantier"), map_id=map_id)
    legend = [
        {"code": choice.value, "number": theme_number(choice.value), "label": choice.label}
        for choice in ThemeCode
    ]
    return {**drawn, "all_areas": areas, "legend": legend, "request": context.get("request")}


@register.inclusion_tag("maps/france_outline.html")
def region_outline(region, crop=False, label=""):
    if not isinstance(region, Page):
        return france_outline([], label=label, crop=crop)
    return france_outline([region.slug, region.title], region.theme, label, crop)


@register.filter
def chantier_number(code):
    """``{{ page.theme|chantier_number }}``: the chantier's number, 1 to 4."""
    return theme_number(code) or ""
