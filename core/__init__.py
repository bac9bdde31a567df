"""The bottom layer: what every app of the site builds on, importing none of them.

Abstract pages, the theme vocabulary, tree helpers, languages, shared blocks and the cache.
Named ``core`` as the shared foundation usually is in Wagtail projects; the home page and
its siblings live in ``home``, on top. Layers: docs/architecture.md.
"""
