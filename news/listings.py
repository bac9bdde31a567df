"""What other apps list of news and events: the home page, chantiers, regions, and the
e-mails of ``subscriptions``."""

from core.tree import attach_regions
from news import filters
from news.kinds import NewsKind
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage


def news_listing(request, locale, *, region=None, theme=None, omit=()):
    """The filtered, paginated news of a region or a chantier (``news_*`` context names)."""
    return filters.filtered_news(
        request, locale, NewsPage.objects, region=region, theme=theme, omit=omit
    )


def latest_news(locale, limit):
    """The latest news of a language, each with its region."""
    return attach_regions(NewsPage.objects.listing(locale=locale)[:limit])


def upcoming_events(locale, limit, *, region=None, theme=None):
    """The next events of a language, a region or a theme, each with its region."""
    events = list(EventPage.objects.upcoming(locale=locale, region=region, theme=theme)[:limit])
    if region is not None:  # everything listed sits in this region: no need to look it up
        for event in events:
            event.__dict__["region"] = region
        return events
    return attach_regions(events)


# --- What the e-mails of ``subscriptions`` carry -------------------------------------------


def news_first_published(since, until):
    """Published news first published in ``(since, until]``, every language, newest first."""
    return NewsPage.objects.listing().filter(
        first_published_at__gt=since, first_published_at__lte=until
    )


def events_first_published(since, until):
    """Published events first published in ``(since, until]``, every language, by start."""
    return EventPage.objects.for_calendar().filter(
        first_published_at__gt=since, first_published_at__lte=until
    )


def section_paths():
    """The tree paths of the national sections (every language): ``news``, ``agenda``,
    ``press``; a page is national news when its path starts with one of ``news``."""
    return {
        "news": list(NewsIndexPage.objects.values_list("path", flat=True)),
        "agenda": list(EventIndexPage.objects.values_list("path", flat=True)),
        "press": list(PressRoomPage.objects.values_list("path", flat=True)),
    }


def press_releases():
    """Every press release, published or not (the press desk's embargo links)."""
    return NewsPage.objects.filter(kind=NewsKind.PRESS_RELEASE)
