"""RSS 2.0 and Atom feeds of the news: all news, a region's, a chantier's, press releases.

A feed lists the items of the language of its URL. One feed instance serves every request
of its URL pattern, so it keeps nothing of a request: what a request asks for travels in
the ``FeedSubject`` that ``get_object`` returns (docs/architecture.md).
"""

import dataclasses
import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from chantiers.models import ChantierPage
from core.models import ThemeCode
from library.kinds import PublicationKind
from library.models import LibraryPage, PublicationPage
from news.kinds import NewsKind
from news.models import NewsIndexPage, NewsPage, PressRoomPage
from regions.models import RegionPage

FEED_LENGTH = 30


def site_name():
    return _("ESS Movement")


def region_for_slug(slug, locale):
    region = RegionPage.objects.live().public().filter(locale=locale, slug=slug).first()
    if region is None:
        raise Http404(_("No such region."))
    return region


def theme_for_code(code):
    if code not in ThemeCode.values:
        raise Http404(_("No such chantier."))
    return ThemeCode(code)


def kind_for_code(code):
    if code not in PublicationKind.values:
        raise Http404(_("No such kind of publication."))
    return PublicationKind(code)


def document_enclosure(request, document):
    """A document as a feed enclosure: its absolute URL, its size in bytes, its type."""
    if document is None or not document.file_size:
        return []
    return [
        Enclosure(
            request.build_absolute_uri(document.url),
            str(document.file_size),
            document.content_type,
        )
    ]


@dataclasses.dataclass(frozen=True)
class FeedSubject:
    """What one request of a feed asks for."""

    request: HttpRequest
    locale: Locale
    region: RegionPage | None = None
    theme: ThemeCode | None = None
    kind: PublicationKind | None = None


class NewsFeed(Feed):
    """All the news of a language, newest first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, **kwargs):
        return FeedSubject(request=request, locale=Locale.get_active(), **self.subject(**kwargs))

    def subject(self, **kwargs):
        return {}

    def title(self, obj):
        return _("%(site)s: news") % {"site": site_name()}

    def description(self, obj):
        return _("The latest news of the movement.")

    def link(self, obj):
        index = NewsIndexPage.objects.live().filter(locale=obj.locale).first()
        return index.get_full_url(obj.request) if index else obj.request.build_absolute_uri("/")

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def queryset(self, obj):
        return NewsPage.objects.listing(locale=obj.locale)

    def items(self, obj):
        items = list(self.queryset(obj)[:FEED_LENGTH])
        for item in items:
            item.feed_link = item.get_full_url(obj.request)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.is_relay and item.source_name:
            source = _("Originally published by %(source)s.") % {"source": item.source_name}
            return f"{item.intro}\n\n{source}" if item.intro else source
        return item.intro

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.short_label for theme in item.themes.all()]


class AtomMixin:
    """An Atom version of a feed: a subtitle, and an author (Atom requires one)."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self, obj):
        return site_name()

    def author_link(self, obj):
        return obj.request.build_absolute_uri("/")


class RegionNewsFeed(NewsFeed):
    def subject(self, slug):
        return {"region": region_for_slug(slug, Locale.get_active())}

    def title(self, obj):
        return _("%(site)s: news from %(region)s") % {
            "site": site_name(),
            "region": obj.region.title,
        }

    def description(self, obj):
        return _("The latest news of the region %(region)s.") % {"region": obj.region.title}

    def link(self, obj):
        return obj.region.get_full_url(obj.request)

    def queryset(self, obj):
        return NewsPage.objects.listing(locale=obj.locale, region=obj.region)


class ThemeNewsFeed(NewsFeed):
    def subject(self, code):
        return {"theme": theme_for_code(code)}

    def title(self, obj):
        return _("%(site)s: news of the chantier %(theme)s") % {
            "site": site_name(),
            "theme": obj.theme.label,
        }

    def description(self, obj):
        return _("The latest news of the chantier %(theme)s.") % {"theme": obj.theme.label}

    def link(self, obj):
        chantier = (
            ChantierPage.objects.live()
            .national()
            .filter(locale=obj.locale, theme=obj.theme.value)
            .first()
        )
        if chantier is None:
            return super().link(obj)
        return chantier.get_full_url(obj.request)

    def queryset(self, obj):
        return NewsPage.objects.listing(locale=obj.locale, theme=obj.theme.value)


class PressFeed(NewsFeed):
    def title(self, obj):
        return _("%(site)s: press releases") % {"site": site_name()}

    def description(self, obj):
        return _("The press releases of the movement.")

    def link(self, obj):
        room = PressRoomPage.objects.live().filter(locale=obj.locale).first()
        return room.get_full_url(obj.request) if room else super().link(obj)

    def queryset(self, obj):
        return NewsPage.objects.listing(
            locale=obj.locale, kind=NewsKind.PRESS_RELEASE
        ).select_related("pdf")

    def item_enclosures(self, item):
        return document_enclosure(item.feed_request, item.pdf)

    def items(self, obj):
        items = super().items(obj)
        for item in items:
            item.feed_request = obj.request
        return items


class NewsAtomFeed(AtomMixin, NewsFeed):
    pass


class RegionNewsAtomFeed(AtomMixin, RegionNewsFeed):
    pass


class ThemeNewsAtomFeed(AtomMixin, ThemeNewsFeed):
    pass


class PressAtomFeed(AtomMixin, PressFeed):
    pass


# --- The resource library -------------------------------------------------------------


class PublicationFeed(NewsFeed):
    """The library's publications of a language, newest first, each with its document."""

    def title(self, obj):
        return _("%(site)s: publications") % {"site": site_name()}

    def description(self, obj):
        return _("The latest studies, guides and reports of the resource library.")

    def link(self, obj):
        library = LibraryPage.objects.live().filter(locale=obj.locale).first()
        return library.get_full_url(obj.request) if library else super().link(obj)

    def queryset(self, obj):
        return PublicationPage.objects.listing(
            locale=obj.locale, theme=obj.theme.value if obj.theme else None, kind=obj.kind
        )

    def items(self, obj):
        items = super().items(obj)
        for item in items:
            item.feed_request = obj.request
        return items

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return ", ".join(item.author_list) or item.publisher

    def item_enclosures(self, item):
        return document_enclosure(item.feed_request, item.document)

    def item_categories(self, item):
        return [str(item.get_kind_display())] + super().item_categories(item)


class KindPublicationFeed(PublicationFeed):
    def subject(self, kind):
        return {"kind": kind_for_code(kind)}

    def title(self, obj):
        return _("%(site)s: publications of the kind %(kind)s") % {
            "site": site_name(),
            "kind": obj.kind.label,
        }


class ThemePublicationFeed(PublicationFeed):
    def subject(self, code):
        return {"theme": theme_for_code(code)}

    def title(self, obj):
        return _("%(site)s: publications of the chantier %(theme)s") % {
            "site": site_name(),
            "theme": obj.theme.label,
        }


class PublicationAtomFeed(AtomMixin, PublicationFeed):
    pass


class KindPublicationAtomFeed(AtomMixin, KindPublicationFeed):
    pass


class ThemePublicationAtomFeed(AtomMixin, ThemePublicationFeed):
    pass
