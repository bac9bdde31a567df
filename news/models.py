"""News (articles, press releases, relayed partner news), events and the press room.

Listings go through ``NewsPageQuerySet.listing`` and ``EventPageQuerySet.upcoming`` /
``past``: pages, feeds, calendars, commands and tests share them, so that every list of
the site shows the same items with the same joins. Other apps list news and events
through ``news.listings``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.fragments import lazy_items, once
from core.images import card_picture_prefetch
from core.models import BasePage, IndexPage, LocalizedPageQuerySet, ThemedPageMixin
from core.tree import attach_regions
from news import filters
from news.kinds import EventKind, NewsKind


def card_image_prefetch():
    """Prefetch a card's image with its picture's renditions: two queries for a list."""
    return card_picture_prefetch("image")


class PageListingQuerySet(LocalizedPageQuerySet):
    def in_region(self, region):
        return self.filter(path__startswith=region.path, depth__gt=region.depth)

    def published(self, locale=None):
        qs = self.live().public()
        if locale is not None:
            qs = qs.in_locale(locale)
        return qs

    def with_theme(self, theme):
        return self.filter(themes=theme)


class NewsPageQuerySet(PageListingQuerySet):
    def listing(self, locale=None, region=None, theme=None, kind=None, year=None):
        """Published news of a locale, newest first, with what a listing shows."""
        qs = self.published(locale)
        if region is not None:
            qs = qs.in_region(region)
        if theme:
            qs = qs.with_theme(theme)
        if kind:
            qs = qs.filter(kind=kind)
        if year:
            qs = qs.filter(date__year=year)
        return (
            qs.defer_streamfields()
            .select_related("locale")
            .prefetch_related(card_image_prefetch(), "themes")
            .order_by("-date", "-first_published_at", "-pk")
        )


class NewsIndexPage(IndexPage):
    """The national news ("Actualités"): every news item of the site, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template's fragment renders (``core.fragments``).
        context.update(
            lazy_items(
                lambda: filters.filtered_news(request, self.locale, NewsPage.objects),
                filters.listing_names("news"),
            )
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ThemedPageMixin, BasePage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.ARTICLE
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The image's text alternative in the page's language (images themselves are not translated).
    image_alt = models.CharField(
        _("main image: text alternative"),
        max_length=500,
        blank=True,
        help_text=_(
            "Describes the image in this page's language. Empty: the image's own description."
        ),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    # A relay: news from a partner's site.
    source_name = models.CharField(_("source name"), max_length=200, blank=True)
    source_url = models.URLField(_("source link"), blank=True, max_length=500)
    source_date = models.DateField(_("original date"), null=True, blank=True)
    # A press release.
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    press_contact = models.ForeignKey(
        "news.PressContact",
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        *ThemedPageMixin.theme_panels,
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("source_date")],
            heading=_("Relayed news: source"),
        ),
        MultiFieldPanel(
            [FieldPanel("pdf"), FieldPanel("press_contact")],
            heading=_("Press release"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("intro"),
        APIField("body"),
        APIField("image"),
        APIField("image_alt"),
        ThemedPageMixin.theme_api_field,
        APIField("tags"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("source_date"),
        APIField("pdf"),
        APIField("press_contact"),
    ]

    parent_page_types = ["news.NewsIndexPage", "regions.RegionPage", "news.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # Listings, feeds and the home page take the latest items: an index scan, not a
        # sort of every item.
        indexes = [models.Index(fields=["date"], name="news_newspage_date_idx")]

    def clean(self):
        super().clean()
        if self.kind == NewsKind.RELAY:
            errors = {}
            if not self.source_name:
                errors["source_name"] = _("A relayed news item names its source.")
            if not self.source_url:
                errors["source_url"] = _("A relayed news item links to its source.")
            if errors:
                raise ValidationError(errors)

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESS_RELEASE

    @property
    def is_under_embargo(self):
        """Scheduled and not yet live: only editors (previews) see it."""
        return self.go_live_at is not None and self.go_live_at > timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = once(self.related_news)
        if self.is_press_release:
            context["press_room"] = once(
                lambda: PressRoomPage.objects.live().in_locale(self.locale).first()
            )
        return context

    def related_news(self, limit=3):
        """The latest other news of the same language sharing a chantier with this one."""
        themes = [theme.code for theme in self.themes.all()]
        if not themes:
            return []
        # EXISTS rather than a join and DISTINCT: PostgreSQL reads the newest news on the
        # date index and stops at the third match (264 ms -> about 2 ms at 100,000 pages).
        shares_a_theme = NewsPage.themes.through.objects.filter(
            newspage_id=OuterRef("pk"), theme_id__in=themes
        )
        related = (
            NewsPage.objects.listing(locale=self.locale)
            .filter(Exists(shares_a_theme))
            .exclude(pk=self.pk)
        )
        return attach_regions(related[:limit])

    @property
    def is_relay(self):
        return self.kind == NewsKind.RELAY


class EventPageQuerySet(PageListingQuerySet):
    def _filtered(self, locale, region, theme):
        qs = self.published(locale)
        if region is not None:
            qs = qs.in_region(region)
        if theme:
            qs = qs.with_theme(theme)
        return (
            qs.defer_streamfields()
            .select_related("locale")
            .prefetch_related(card_image_prefetch(), "themes")
        )

    def upcoming(self, locale=None, region=None, theme=None, now=None):
        """Events not yet over, soonest first.

        An event not over either ends after ``now`` or starts after it: none starts before
        the earliest start of the events ending after ``now`` (a few, read on the index of
        ``end``), nor before ``now`` if there are none. That bound, implied by the filter,
        lets the database read the index of ``start`` from it rather than from the first
        event ever (20,000 past events skipped at 100,000 pages).
        """
        now = now or timezone.now()
        ending_later = (
            EventPage._base_manager.filter(end__gte=now)
            .order_by()
            .annotate(one=models.Value(1))
            .values("one")
            .annotate(earliest=models.Min("start"))
            .values("earliest")
        )
        earliest = Least(
            Coalesce(models.Subquery(ending_later), models.Value(now)), models.Value(now)
        )
        return (
            self._filtered(locale, region, theme)
            .filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))
            .filter(start__gte=earliest)
            .order_by("start", "pk")
        )

    def for_calendar(self, locale=None, region=None, theme=None, since=None):
        """Events of an iCalendar feed: those starting after ``since``, in order."""
        qs = self._filtered(locale, region, theme)
        if since is not None:
            qs = qs.filter(start__gte=since)
        return qs.order_by("start", "pk")

    def past(self, locale=None, region=None, theme=None, now=None):
        """Events that are over, most recent first."""
        now = now or timezone.now()
        return (
            self._filtered(locale, region, theme)
            .filter(models.Q(end__lt=now) | models.Q(end__isnull=True, start__lt=now))
            # Implied (an event ends after it starts): the index of start is read from now.
            .filter(start__lt=now)
            .order_by("-start", "-pk")
        )


class EventIndexPage(IndexPage):
    """The agenda: upcoming events of the whole site, past ones on request."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        show_past = request.GET.get("past") == "1"
        context["show_past"] = show_past
        context["past_hidden"] = [("past", "1")] if show_past else []
        context.update(
            lazy_items(
                lambda: filters.filtered_events(
                    request, self.locale, EventPage.objects, past=show_past
                ),
                filters.listing_names("events"),
            )
        )
        return context


class EventPage(ThemedPageMixin, BasePage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    place_name = models.CharField(_("place"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    registration_url = models.URLField(_("registration link"), blank=True, max_length=500)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("city"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        *ThemedPageMixin.theme_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("place_name"),
        APIField("address"),
        APIField("city"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("intro"),
        APIField("body"),
        ThemedPageMixin.theme_api_field,
    ]

    parent_page_types = ["news.EventIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # The agenda and calendars take the next events by start (and the current ones by end).
        indexes = [
            models.Index(fields=["start"], name="news_eventpage_start_idx"),
            models.Index(fields=["end"], name="news_eventpage_end_idx"),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if not (self.place_name or self.city or self.online_url):
            raise ValidationError({"place_name": _("Give a place, a city or an online link.")})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()


@register_snippet
class PressContact(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]
    # The role is translated; the person's name and phone number are the same everywhere.
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("phone")]
    api_fields = [APIField("name"), APIField("role"), APIField("email"), APIField("phone")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return self.name


class PressRoomPage(IndexPage):
    """The press room ("Espace presse"): press releases, contacts, press kit."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = IndexPage.content_panels + [
        InlinePanel("press_kit", label=_("Press kit document"), heading=_("Press kit")),
        FieldPanel("body"),
    ]
    search_fields = IndexPage.search_fields + [index.SearchField("body")]
    api_fields = IndexPage.api_fields + [APIField("press_kit"), APIField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("press room")
        verbose_name_plural = _("press rooms")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            lazy_items(
                lambda: filters.filtered_press(request, self.locale, NewsPage.objects),
                filters.listing_names("press"),
            )
        )
        context["press_contacts"] = PressContact.objects.filter(locale=self.locale)
        context["press_kit_items"] = self.press_kit.select_related("document")
        return context


class PressKitItem(TranslatableMixin, Orderable):
    """A document of the press kit: its title is translated, the document is shared."""

    page = ParentalKey(PressRoomPage, on_delete=models.CASCADE, related_name="press_kit")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("document"), APIField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("press kit document")
        verbose_name_plural = _("press kit documents")

    @property
    def label(self):
        return self.title or self.document.title


class ImportedEntry(models.Model):
    """A news item brought over by ``import_feed``, keyed by its feed entry's id or link.

    Running the import again finds the page through this key and updates it instead of
    creating a copy.
    """

    key = models.CharField(_("entry id"), max_length=500, unique=True)
    page = models.OneToOneField(
        NewsPage,
        verbose_name=_("news item"),
        on_delete=models.CASCADE,
        related_name="import_record",
    )
    source = models.CharField(_("feed"), max_length=500)
    checksum = models.CharField(_("checksum of the imported content"), max_length=64)
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported feed entry")
        verbose_name_plural = _("imported feed entries")

    def __str__(self):
        return self.key
