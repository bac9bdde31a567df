"""The movement's four thematic work programmes ("chantiers") and its roadmaps.

A chantier page is national (under the chantier index: it gathers the theme's regions,
roadmaps, news and events) or a region's own (under the region). The theme vocabulary
itself (``Theme``, ``ThemeCode``) is in ``core``.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.search import index

from core.blocks import BodyBlock
from core.cache import remember
from core.fragments import lazy_items, once
from core.models import (
    BasePage,
    IndexPage,
    LocalizedPageQuerySet,
    Theme,
    ThemeCode,
    ThemedPageMixin,
)
from core.tree import region_pages
from news import listings as news_listings

# Depths in the page tree (root 1, home 2): parent_page_types make them fixed.
NATIONAL_DEPTH = 4  # home > chantier index > chantier
REGIONAL_DEPTH = 5  # home > region index > region > chantier
NATIONAL_ROADMAP_DEPTH = 3  # home > roadmap


class ChantierIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["chantiers.ChantierPage"]

    class Meta:
        verbose_name = _("chantier index")
        verbose_name_plural = _("chantier indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chantiers"] = (
            ChantierPage.objects.child_of(self)
            .live()
            .public()
            .translated()
            .defer_streamfields()
            .order_by("path")
        )
        return context


class ChantierPageQuerySet(LocalizedPageQuerySet):
    def national(self):
        return self.filter(depth=NATIONAL_DEPTH)

    def regional(self):
        return self.filter(depth=REGIONAL_DEPTH)


class ChantierPage(BasePage):
    """A chantier: national (under the chantier index) or a region's own (under a region)."""

    theme = models.CharField(_("theme"), max_length=32, choices=ThemeCode.choices)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(ChantierPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("theme"),
    ]
    api_fields = [APIField("theme"), APIField("intro"), APIField("body")]

    parent_page_types = ["chantiers.ChantierIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chantier")
        verbose_name_plural = _("chantiers")

    @property
    def is_national(self):
        return self.depth == NATIONAL_DEPTH

    @property
    def theme_object(self):
        return Theme(code=self.theme)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.is_national:
            context.update(self.national_listings())
            context.update(
                lazy_items(
                    lambda: news_listings.news_listing(
                        request, self.locale, theme=self.theme, omit=("theme",)
                    ),
                    news_listings.LISTING_NAMES,
                )
            )
        else:
            # A region's chantier page links to the national page of its theme.
            context["national_chantier"] = once(lambda: national_chantier(self.locale, self.theme))
        return context

    def national_roadmaps(self):
        """Every roadmap of the theme (title, URL, progress) and their soonest next
        milestone, kept until the next change of the site (or of the day, which moves the
        next milestone): at 100,000 pages a theme has hundreds of roadmaps, with four
        milestones each, to read and sum up for one line each."""

        def compute():
            roadmaps = list(
                RoadmapPage.objects.live()
                .public()
                .in_locale(self.locale)
                .filter(themes=self.theme)
                .defer_streamfields()
                .prefetch_related("milestones")
                .order_by("path")
            )
            return {
                "roadmaps": [
                    {"title": r.title, "url": r.get_url(), "progress": r.progress} for r in roadmaps
                ],
                "next_milestone": next_milestone(roadmaps),
            }

        today = timezone.localdate().isoformat()
        return remember(f"chantier-roadmaps:{self.pk}:{self.locale_id}:{today}", compute)

    def national_listings(self):
        """What the national page of a theme gathers from the whole site, each read only if
        the template's fragment renders (``core.fragments.once``)."""
        return {
            **self.national_roadmaps(),
            # Regions sit above chantiers: reached through the tree helper, not imported.
            "regions": once(
                lambda: list(
                    region_pages()
                    .live()
                    .public()
                    .in_locale(self.locale)
                    .filter(theme=self.theme)
                    .defer_streamfields()
                    .order_by("title")
                )
            ),
            "regional_chantiers": once(
                lambda: list(
                    ChantierPage.objects.live()
                    .public()
                    .regional()
                    .in_locale(self.locale)
                    .filter(theme=self.theme)
                    .defer_streamfields()
                    .order_by("title")
                )
            ),
            "next_events": once(
                lambda: news_listings.upcoming_events(self.locale, 4, theme=self.theme)
            ),
        }


def national_chantier(locale, theme):
    """The national chantier page of a theme in a language, or None."""
    return (
        ChantierPage.objects.live()
        .public()
        .national()
        .in_locale(locale)
        .filter(theme=theme)
        .defer_streamfields()
        .first()
    )


def next_milestone(roadmaps):
    """The soonest next milestone of several roadmaps, or None."""
    milestones = [r.next_milestone for r in roadmaps]
    return min((m for m in milestones if m), key=lambda m: m.date, default=None)


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class RoadmapPage(ThemedPageMixin, BasePage):
    """A roadmap ("feuille de route"): objectives and dated milestones."""

    intro = models.TextField(_("introduction"), blank=True)
    objectives = RichTextField(
        _("objectives"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("objectives"),
        *ThemedPageMixin.theme_panels,
        InlinePanel("milestones", label=_("Milestones"), heading=_("Milestones")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.RelatedFields("milestones", [index.SearchField("title")]),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("objectives"),
        ThemedPageMixin.theme_api_field,
        APIField("milestones"),
        APIField("progress"),
    ]

    parent_page_types = ["home.HomePage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def _milestones(self):
        # Uses the prefetched list when a listing prefetched "milestones".
        return sorted(self.milestones.all(), key=lambda m: (m.date, m.sort_order or 0))

    @property
    def timeline(self):
        return self._milestones()

    @property
    def progress(self):
        """Share of milestones done, cancelled ones left out, as a whole percentage."""
        counted = [m for m in self._milestones() if m.status != MilestoneStatus.CANCELLED]
        if not counted:
            return 0
        done = sum(1 for m in counted if m.status == MilestoneStatus.DONE)
        return round(100 * done / len(counted))

    @property
    def status_counts(self):
        """How many milestones have each status, in the statuses' order (those present)."""
        milestones = self._milestones()
        counts = [
            {
                "code": status.value,
                "label": status.label,
                "count": sum(1 for m in milestones if m.status == status),
            }
            for status in MilestoneStatus
        ]
        return [c for c in counts if c["count"]]

    @property
    def next_milestone(self):
        today = timezone.localdate()
        for milestone in self._milestones():
            if milestone.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS):
                if milestone.date >= today or milestone.status == MilestoneStatus.IN_PROGRESS:
                    return milestone
        return None


class Milestone(TranslatableMixin, Orderable):
    """A dated step of a roadmap: its title and description are translated, its date and
    status follow the French source (wagtail-localize)."""

    page = ParentalKey(RoadmapPage, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("status"),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("title"),
        APIField("date"),
        APIField("status"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    @property
    def is_past(self):
        return self.date < timezone.localdate()
