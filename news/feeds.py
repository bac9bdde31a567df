"""RSS 2.0 and Atom feeds of the news, with Django's syndication framework.

One feed class per subject (all news, a region's news, a chantier's news, press releases),
each in RSS 2.0 and Atom. The URLs sit inside ``i18n_patterns``: a feed lists the items of
the language of its URL and says so in its ``language`` element.

``feeds_for_page`` tells which feeds (and calendars) a page announces with
``<link rel="alternate">``: a page announces the feeds of what it lists.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from chantiers.models import ThemeCode

FEED_LENGTH = 30

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
CALENDAR_TYPE = "text/calendar"


def site_name():
    return _("ESS Movement")


def region_for_slug(slug, locale):
    from regions.models import RegionPage

    region = RegionPage.objects.live().public().filter(locale=locale, slug=slug).first()
    if region is None:
        raise Http404(_("No such region."))
    return region


def theme_for_code(code):
    if code not in ThemeCode.values:
        raise Http404(_("No such chantier."))
    return ThemeCode(code)


class NewsFeed(Feed):
    """All the news of a language, newest first."""

    feed_type = Rss201rev2Feed
    url_name = "feeds:news_rss"

    def get_object(self, request, **kwargs):
        self.request = request
        return {"locale": Locale.get_active(), **self.subject(**kwargs)}

    def subject(self, **kwargs):
        return {}

    def title(self, obj):
        return _("%(site)s: news") % {"site": site_name()}

    def description(self, obj):
        return _("The latest news of the movement.")

    def link(self, obj):
        from news.models import NewsIndexPage

        index = NewsIndexPage.objects.live().filter(locale=obj["locale"]).first()
        return index.get_full_url(self.request) if index else self.request.build_absolute_uri("/")

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def queryset(self, obj):
        from news.models import NewsPage

        return NewsPage.objects.listing(locale=obj["locale"])

    def items(self, obj):
        return self.queryset(obj)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.is_relay and item.source_name:
            source = _("Originally published by %(source)s.") % {"source": item.source_name}
            return f"{item.intro}\n\n{source}" if item.intro else source
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.short_label for theme in item.themes.all()]


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class RegionNewsFeed(NewsFeed):
    url_name = "feeds:region_news_rss"

    def subject(self, slug):
        return {"region": region_for_slug(slug, Locale.get_active())}

    def title(self, obj):
        return _("%(site)s: news from %(region)s") % {
            "site": site_name(),
            "region": obj["region"].title,
        }

    def description(self, obj):
        return _("The latest news of the region %(region)s.") % {"region": obj["region"].title}

    def link(self, obj):
        return obj["region"].get_full_url(self.request)

    def queryset(self, obj):
        from news.models import NewsPage

        return NewsPage.objects.listing(locale=obj["locale"], region=obj["region"])


class ThemeNewsFeed(NewsFeed):
    url_name = "feeds:theme_news_rss"

    def subject(self, code):
        return {"theme": theme_for_code(code)}

    def title(self, obj):
        return _("%(site)s: news of the chantier %(theme)s") % {
            "site": site_name(),
            "theme": obj["theme"].label,
        }

    def description(self, obj):
        return _("The latest news of the chantier %(theme)s.") % {"theme": obj["theme"].label}

    def link(self, obj):
        from chantiers.models import ChantierPage

        chantier = (
            ChantierPage.objects.live()
            .national()
            .filter(locale=obj["locale"], theme=obj["theme"].value)
            .first()
        )
        if chantier is None:
            return super().link(obj)
        return chantier.get_full_url(self.request)

    def queryset(self, obj):
        from news.models import NewsPage

        return NewsPage.objects.listing(locale=obj["locale"], theme=obj["theme"].value)


class PressFeed(NewsFeed):
    url_name = "feeds:press_rss"

    def title(self, obj):
        return _("%(site)s: press releases") % {"site": site_name()}

    def description(self, obj):
        return _("The press releases of the movement.")

    def link(self, obj):
        from news.models import PressRoomPage

        room = PressRoomPage.objects.live().filter(locale=obj["locale"]).first()
        return room.get_full_url(self.request) if room else super().link(obj)

    def queryset(self, obj):
        from news.models import NewsKind, NewsPage

        return NewsPage.objects.listing(locale=obj["locale"], kind=NewsKind.PRESS_RELEASE)


class NewsAtomFeed(AtomMixin, NewsFeed):
    pass


class RegionNewsAtomFeed(AtomMixin, RegionNewsFeed):
    pass


class ThemeNewsAtomFeed(AtomMixin, ThemeNewsFeed):
    pass


class PressAtomFeed(AtomMixin, PressFeed):
    pass


def _feed_pair(title, rss_name, atom_name, **kwargs):
    return [
        {"title": f"{title} (RSS)", "type": RSS_TYPE, "url": reverse(rss_name, kwargs=kwargs)},
        {"title": f"{title} (Atom)", "type": ATOM_TYPE, "url": reverse(atom_name, kwargs=kwargs)},
    ]


def feeds_for_page(page):
    """The feeds and calendars a page announces, as dicts of title, type and url.

    URLs are reversed in the active language, the language of the page being shown.
    """
    from chantiers.models import ChantierPage
    from home.models import HomePage
    from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage
    from regions.models import RegionPage

    if page is None:
        return []
    page = page.specific
    feeds = []
    region = page.region if hasattr(page, "region") else None
    if isinstance(page, PressRoomPage) or (isinstance(page, NewsPage) and page.is_press_release):
        feeds += _feed_pair(_("Press releases"), "feeds:press_rss", "feeds:press_atom")
    if region is not None and isinstance(page, RegionPage | NewsPage):
        feeds += _feed_pair(
            _("News from %(region)s") % {"region": region.title},
            "feeds:region_news_rss",
            "feeds:region_news_atom",
            slug=region.slug,
        )
    if isinstance(page, ChantierPage) and page.is_national:
        feeds += _feed_pair(
            _("News of the chantier %(theme)s") % {"theme": page.get_theme_display()},
            "feeds:theme_news_rss",
            "feeds:theme_news_atom",
            code=page.theme,
        )
    if isinstance(page, HomePage | NewsIndexPage | NewsPage):
        feeds += _feed_pair(_("All news"), "feeds:news_rss", "feeds:news_atom")
    # Calendars of the agenda.
    if isinstance(page, EventIndexPage | EventPage | HomePage):
        feeds.append(
            {
                "title": _("Agenda (iCalendar)"),
                "type": CALENDAR_TYPE,
                "url": reverse("feeds:agenda_ics"),
            }
        )
    if isinstance(page, RegionPage):
        feeds.append(
            {
                "title": _("Agenda of %(region)s (iCalendar)") % {"region": page.title},
                "type": CALENDAR_TYPE,
                "url": reverse("feeds:region_agenda_ics", kwargs={"slug": page.slug}),
            }
        )
    if isinstance(page, ChantierPage) and page.is_national:
        feeds.append(
            {
                "title": _("Agenda of the chantier %(theme)s (iCalendar)")
                % {"theme": page.get_theme_display()},
                "type": CALENDAR_TYPE,
                "url": reverse("feeds:theme_agenda_ics", kwargs={"code": page.theme}),
            }
        )
    return feeds
