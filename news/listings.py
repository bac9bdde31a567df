"""What other apps' pages list of news and events: the home page, chantiers, regions."""

from core.tree import attach_regions
from news import filters
from news.models import EventPage, NewsPage


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
