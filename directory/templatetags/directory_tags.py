"""The directory's map (``{% directory_map %}``) and what its cards and pages show.

The map is the site's one map component (``maps``): each region of the language is an
area, shaded by how many organisations match the filters there and linked to the
directory filtered by it; each organisation in France with coordinates is a point,
projected from its longitude and latitude, linked to its page and named for screen
readers; organisations abroad are listed by country beside the map, and every region
with its count after it, as the map's text equivalent.
"""

from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models.organisations import HOME_COUNTRY
from maps import geo
from maps.templatetags.france_map import france_map

register = template.Library()

#: Fields a map point needs: no body, no description.
POINT_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "latitude",
    "longitude",
    "country",
    "town",
)


def organisations_label(count):
    return ngettext("%(count)s organisation", "%(count)s organisations", count) % {"count": count}


def density(count, highest):
    """0 for none, then 1 to 3 by thirds of the busiest region."""
    if not count:
        return 0
    return min(3, 1 + (3 * (count - 1)) // max(highest, 1))


def filtered_url(query, **changes):
    params = QueryDict(mutable=True)
    params.update(query)
    params.pop("page", None)
    for name, value in changes.items():
        params[name] = value
    return "?" + params.urlencode()


def in_view(x, y):
    left, top, width, height = geo.view_box()
    return left <= x <= left + width and top <= y <= top + height


@register.inclusion_tag("directory/includes/directory_map.html", takes_context=True)
def directory_map(context, form, matching):
    request = context.get("request")
    query = request.GET if request is not None else QueryDict()
    counts = getattr(form, "counts", {}).get("region", {})
    highest = max(counts.values(), default=0)
    regions = sorted(form.regions.items(), key=lambda item: item[1].title)
    areas = [
        {
            "names": [slug, region.title],
            "title": region.title,
            "url": filtered_url(query, region=slug, view="map"),
            "list_url": filtered_url(query, region=slug, view="list"),
            "modifier": f"density-{density(counts.get(slug, 0), highest)}",
            "description": organisations_label(counts.get(slug, 0)),
            "count": counts.get(slug, 0),
        }
        for slug, region in regions
    ]
    points, abroad, unmapped = [], {}, 0
    for organisation in matching.only(*POINT_FIELDS).order_by("title"):
        if organisation.country and organisation.country.code != HOME_COUNTRY:
            abroad.setdefault(organisation.country.name, []).append(organisation)
            continue
        if organisation.latitude is None or organisation.longitude is None:
            unmapped += 1
            continue
        x, y = geo.project(organisation.longitude, organisation.latitude)
        if not in_view(x, y):
            unmapped += 1  # overseas: listed, not drawn
            continue
        title = organisation.title
        if organisation.town:
            title = f"{title}, {organisation.town}"
        points.append(
            {
                "lon": organisation.longitude,
                "lat": organisation.latitude,
                "title": title,
                "url": organisation.get_url(request),
            }
        )
    drawn = france_map(
        areas, points, label=_("Map of the organisations by region"), map_id="directory-map"
    )
    return {
        **drawn,
        "all_areas": areas,
        "abroad": sorted(abroad.items()),
        "unmapped": unmapped,
        "point_count": len(points),
        "national_url": filtered_url(query, region="national", view="list"),
        "national_count": counts.get("national", 0),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def view_url(context, view):
    """The listing in another view (list or map), with the same filters, on its first page."""
    request = context.get("request")
    return filtered_url(request.GET if request is not None else QueryDict(), view=view)
