"""Names of the Wagtail hooks through which upper apps extend what ``core`` and ``home`` do.

- ``DEMO_HOOK``: a step of ``load_demo_content``; called with the ``DemoSite`` namespace.
- ``DEMO_TEXTS_HOOK``: an app's English texts of its demo pages, ``{French: English}``;
  the demo's last step (``home.demo.translations``) translates every page left with them.
- ``LISTING_PAGES_HOOK``: the pages, besides a page's ancestors, that list it (purged from a
  CDN with it); called with the page, returns pages.
- ``REGION_DASHBOARD_HOOK``: a section of a coordinator's region panel on the dashboard;
  called with the request and the region pages (every language's copy), returns a
  component or None.
- ``NATIONAL_PERMISSIONS_HOOK``: model permissions the national groups get from the apps
  above ``regions``; returns ``{"national": [...], "press": [...]}`` of "app.codename".
"""

DEMO_HOOK = "build_demo_content"
DEMO_TEXTS_HOOK = "demo_english_texts"
LISTING_PAGES_HOOK = "pages_listing_page"
REGION_DASHBOARD_HOOK = "region_dashboard_section"
NATIONAL_PERMISSIONS_HOOK = "national_group_permissions"
