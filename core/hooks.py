"""Names of the Wagtail hooks through which upper apps extend what ``core`` and ``home`` do.

- ``DEMO_HOOK``: a step of ``load_demo_content``; called with the ``DemoSite`` namespace.
- ``LISTING_PAGES_HOOK``: the pages, besides a page's ancestors, that list it (purged from a
  CDN with it); called with the page, returns pages.
"""

DEMO_HOOK = "build_demo_content"
LISTING_PAGES_HOOK = "pages_listing_page"
