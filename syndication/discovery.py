"""The feeds and calendars a page announces (``<link rel="alternate">`` and visible links).

A page announces the feeds of what it lists: the home page all news and the agenda, a
region its news and agenda, a national chantier its theme's, the press room its releases.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from chantiers.models import ChantierPage
from home.models import HomePage
from library.models import LibraryPage, PublicationPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage
from regions.models import RegionPage

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
CALENDAR_TYPE = "text/calendar"


def _feed_pair(title, rss_name, atom_name, **kwargs):
    return [
        {"title": f"{title} (RSS)", "type": RSS_TYPE, "url": reverse(rss_name, kwargs=kwargs)},
        {"title": f"{title} (Atom)", "type": ATOM_TYPE, "url": reverse(atom_name, kwargs=kwargs)},
    ]


def feeds_for_page(page):
    """The feeds and calendars a page announces, as dicts of title, type and url.

    URLs are reversed in the active language, the language of the page being shown.
    """
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
    if isinstance(page, PublicationPage):
        feeds += _feed_pair(
            _("Publications: %(kind)s") % {"kind": page.get_kind_display()},
            "feeds:library_kind_rss",
            "feeds:library_kind_atom",
            kind=page.kind,
        )
    if isinstance(page, LibraryPage | PublicationPage):
        feeds += _feed_pair(_("All publications"), "feeds:library_rss", "feeds:library_atom")
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
