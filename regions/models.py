"""Regions ("Une Région, un Chantier"): each region picks one theme and runs it locally.

Everything a region publishes (news, events, roadmaps, its own chantier page) sits below
its ``RegionPage`` in the tree; that position is what makes it regional.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from chantiers import listings as chantier_listings
from chantiers.listings import next_milestone
from core import tree
from core.blocks import BodyBlock, KeyFiguresBlock
from core.cache import remember
from core.fragments import lazy_items, once
from core.models import BasePage, IndexPage, ThemeCode
from directory import listings as directory_listings
from news import listings as news_listings
from regions.figures import figure_counts
from regions.page_permissions import RegionPagePermissionTester

#: How many of its organisations and projects a region page shows (the directory has all).
REGION_ORGANISATIONS = 6
REGION_PROJECTS = 3


class RegionIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage"]

    class Meta:
        verbose_name = _("region index")
        verbose_name_plural = _("region indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = (
            RegionPage.objects.child_of(self)
            .live()
            .public()
            .translated()
            .defer_streamfields()
            .order_by("title")
        )
        return context


class RegionPage(BasePage):
    TREE_DEPTH = tree.REGION_DEPTH  # root > home > region index > region

    theme = models.CharField(
        _("chosen chantier"),
        max_length=32,
        choices=ThemeCode.choices,
        help_text=_("Une Région, un Chantier: the theme this region works on."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    figures = StreamField(
        [("figures", KeyFiguresBlock())],
        verbose_name=_("key figures"),
        blank=True,
        block_counts={"figures": {"max_num": 1}},
        help_text=_("Empty: the region's organisations, projects and events of the year, counted."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        InlinePanel("contacts", label=_("Contacts"), heading=_("Contacts")),
        FieldPanel("figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("theme"),
    ]
    api_fields = [
        APIField("theme"),
        APIField("intro"),
        APIField("contacts"),
        APIField("body"),
    ]

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = [
        "news.NewsPage",
        "news.EventPage",
        "chantiers.RoadmapPage",
        "chantiers.ChantierPage",
        "library.PublicationPage",
        "library.FiguresPage",
        "directory.OrganisationPage",
        "directory.ProjectPage",
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listings())
        context.update(
            lazy_items(
                lambda: news_listings.news_listing(
                    request, self.locale, region=self, omit=("region",)
                ),
                news_listings.LISTING_NAMES,
            )
        )
        return context

    def permissions_for_user(self, user):
        """Coordinators publish their region's page but may not delete, move or unpublish it."""
        return RegionPagePermissionTester(user, self)

    def roadmaps(self):
        """The region's roadmaps (title, URL, progress) and its next milestone, kept until
        the next change of the site or of the day (which moves the next milestone): at
        100,000 pages a region has hundreds of roadmaps, four milestones each."""

        def compute():
            own = chantier_listings.region_roadmaps(self)
            # The region's own roadmaps first, translated or not (a milestone's date is the
            # same in every language); without one, the national roadmaps of its theme
            # (asked for only then: ``public()`` costs a query).
            milestone = next_milestone(own)
            if milestone is None:
                national = chantier_listings.national_roadmaps(self.locale, self.theme)
                milestone = next_milestone(national)
            return {
                "roadmaps": [
                    {"title": r.title, "url": r.get_url(), "progress": r.progress}
                    for r in own
                    if r.is_translated
                ],
                "next_milestone": milestone,
            }

        today = timezone.localdate().isoformat()
        return remember(f"region-roadmaps:{self.pk}:{today}", compute)

    def listings(self):
        """What the region page lists, each read only if the template's fragment renders
        (``core.fragments.once``); the roadmaps are remembered (the header shows them)."""
        organisations = once(
            lambda: directory_listings.region_organisations(self, REGION_ORGANISATIONS)
        )
        return {
            "figure_counts": once(lambda: figure_counts(self)),
            "organisations": lambda: organisations()[0],
            "organisation_count": lambda: organisations()[1],
            "projects": once(lambda: directory_listings.region_projects(self, REGION_PROJECTS)),
            "directory_sections": once(lambda: directory_listings.sections(self.locale)),
            "national_chantier": once(
                lambda: chantier_listings.national_chantier(self.locale, self.theme)
            ),
            "chantier_pages": once(lambda: chantier_listings.region_chantier_pages(self)),
            "next_events": once(lambda: news_listings.upcoming_events(self.locale, 4, region=self)),
            **self.roadmaps(),
        }


class RegionContact(TranslatableMixin, Orderable):
    """A contact of a region: the role is translated, the name and e-mail are not."""

    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email")]
    override_translatable_fields = [SynchronizedField("name")]
    api_fields = [APIField("name"), APIField("role"), APIField("email")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name
