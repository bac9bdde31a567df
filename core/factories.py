"""The page factory every app's factories build on (factory_boy and wagtail-factories).

Shipped code: the demo loader, the benchmark and the tests add pages with it.
"""

import wagtail_factories
from wagtail.models import Page


class PageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` (Wagtail's root if none) with a first revision.

    ``publish=False`` leaves it a draft that was never published. ``themes`` (codes) and
    ``tags`` are set before the first revision, so that the revision holds them. The slug
    is Wagtail's, from the title, made unique among the siblings.
    """

    slug = ""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        themes = kwargs.pop("themes", None)
        tags = kwargs.pop("tags", None)
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        (parent or Page.get_first_root_node()).add_child(instance=page)
        if themes:
            page.themes.set(themes)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page
