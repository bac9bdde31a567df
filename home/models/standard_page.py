from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.fragments import once
from core.models import BasePage


class StandardPage(BasePage):
    """About, legal notice, accessibility statement, contact and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("List this page in the footer, with the legal pages."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = BasePage.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_pages"] = once(self.section_pages)
        return context

    def section_pages(self):
        """A page with sub-pages lists them, a sub-page its parent and siblings (sidebar)."""
        children = list(self.get_children().live().public().type(StandardPage))
        if children:
            return [self, *children]
        parent = self.get_parent()
        if parent.specific_class is StandardPage:
            return [parent, *parent.get_children().live().public().type(StandardPage)]
        return []
