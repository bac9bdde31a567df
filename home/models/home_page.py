from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from chantiers import listings as chantier_listings
from core import figures
from core.blocks import BodyBlock, KeyFiguresBlock
from core.fragments import once
from core.models import BasePage
from directory import listings as directory_listings
from home import routing
from news import listings as news_listings
from regions import listings as region_listings


class HomePage(BasePage):
    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    figures = StreamField(
        [("figures", KeyFiguresBlock())],
        verbose_name=_("key figures"),
        blank=True,
        block_counts={"figures": {"max_num": 1}},
        help_text=_(
            "Empty: the regions, member organisations, projects and events of the year, "
            "counted. A counted figure keeps itself up to date."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("figures"),
        APIField("key_figures"),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "chantiers.ChantierIndexPage",
        "regions.RegionIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "news.PressRoomPage",
        "library.LibraryPage",
        "chantiers.RoadmapPage",
        "home.StandardPage",
        "home.ContactPage",
        "directory.DirectoryPage",
        "directory.ProjectBankPage",
        "directory.JoinPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        # One query for the page at any depth instead of Wagtail's walk (home/routing.py).
        if path_components and not routing.walk_is_needed(type(self)):
            return routing.route_by_url_path(self, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listings())
        return context

    def listings(self):
        """The blocks of the home page: chantiers, regions, latest news, next events; each
        read only if the template's fragment renders (``core.fragments.once``)."""

        # The section pages the home page links to, found in one query.
        @once
        def sections():
            return {
                child.content_type.model: child
                for child in self.get_children().live().public().select_related("content_type")
            }

        def section(model):
            return lambda: sections().get(model)

        return {
            "chantier_index": section("chantierindexpage"),
            "regions_index": section("regionindexpage"),
            "news_index": section("newsindexpage"),
            "agenda": section("eventindexpage"),
            "chantiers": once(lambda: chantier_listings.national_chantiers(self.locale)),
            "regions": once(lambda: region_listings.regions_of_language(self.locale)),
            "latest_news": once(lambda: news_listings.latest_news(self.locale, 4)),
            "next_events": once(lambda: news_listings.upcoming_events(self.locale, 3)),
            "figure_counts": once(region_listings.figure_counts),
            "directory": section("directorypage"),
            "project_bank": section("projectbankpage"),
            "latest_projects": once(lambda: directory_listings.latest_projects(self.locale, 3)),
        }

    @property
    def key_figures(self):
        """The figures as visitors read them, counted ones with their number (the API)."""
        counts = region_listings.figure_counts()
        value = self.figures[0].value if self.figures else None
        items = [dict(f) for f in value["figures"]] if value else figures.defaults(counts)
        return figures.resolve(items, counts)
