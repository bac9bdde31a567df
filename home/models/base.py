"""What every page of the site shares.

``BasePage`` declares translation behaviour once (wagtail-localize), the locale filter
for search, and how a page finds the region it sits in: a page's region is where it sits
in the tree, never a field.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Abstract base of every page type of the site."""

    search_fields = Page.search_fields + [
        index.FilterField("locale_id"),
    ]

    class Meta:
        abstract = True

    @cached_property
    def region(self):
        """The region this page sits in, or None for a national page."""
        from regions.models import RegionPage

        if self.depth <= RegionPage.TREE_DEPTH:
            return self.specific if isinstance(self.specific, RegionPage) else None
        return (
            RegionPage.objects.filter(path=self.path[: RegionPage.TREE_DEPTH * self.steplen])
            .first()
        )
