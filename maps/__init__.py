"""The map of France: real geography drawn as SVG, shared by every page that shows a map.

Its own app because the regions, the home page and the directory of organisations all
draw it: it imports no app of the site. ``maps.geo`` holds the shapes (a committed data
file, built by ``manage.py build_map_data``) and the projection from longitude/latitude to
the map's coordinates; ``{% france_map %}`` draws areas, points and their list.
"""
