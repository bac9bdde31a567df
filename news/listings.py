"""What other apps list of news and events: the home page, chantiers, regions, the
directory's organisations, and the e-mails of ``subscriptions``."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from core.tree import attach_regions
from news import filters
from news.kinds import NewsKind
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage

# The context names of ``news_listing`` (``includes/news_listing.html``).
LISTING_NAMES = filters.listing_names("news")


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


def news_mentioning(page, limit):
    """The latest news of ``page``'s language whose text links to it (Wagtail's reference
    index records every link of a page's content), each with its region."""
    referencing = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    news = NewsPage.objects.listing(locale=page.locale).filter(
        pk__in=referencing.annotate(page_id=Cast("object_id", BigIntegerField())).values("page_id")
    )
    return attach_regions(news[:limit])


def count_events_of_year(year, within):
    """Events starting in ``year`` (local time), each counted once whatever its languages."""
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    return (
        EventPage.objects.live()
        .public()
        .filter(within, start__gte=start, start__lt=end)
        .values("translation_key")
        .distinct()
        .count()
    )


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
