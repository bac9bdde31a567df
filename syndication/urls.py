"""Feeds and calendars, inside ``i18n_patterns``: ``/fr/feeds/...``, ``/en/feeds/...``."""

from django.urls import path, register_converter

from syndication import calendars, feeds


class UnicodeSlugConverter:
    """A page slug as Wagtail makes it: letters of any alphabet (``midi-pyrénées``)."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "pageslug")

app_name = "feeds"

urlpatterns = [
    path("news/rss/", feeds.NewsFeed(), name="news_rss"),
    path("news/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("news/region/<pageslug:slug>/rss/", feeds.RegionNewsFeed(), name="region_news_rss"),
    path("news/region/<pageslug:slug>/atom/", feeds.RegionNewsAtomFeed(), name="region_news_atom"),
    path("news/theme/<slug:code>/rss/", feeds.ThemeNewsFeed(), name="theme_news_rss"),
    path("news/theme/<slug:code>/atom/", feeds.ThemeNewsAtomFeed(), name="theme_news_atom"),
    path("press/rss/", feeds.PressFeed(), name="press_rss"),
    path("press/atom/", feeds.PressAtomFeed(), name="press_atom"),
    path("library/rss/", feeds.PublicationFeed(), name="library_rss"),
    path("library/atom/", feeds.PublicationAtomFeed(), name="library_atom"),
    path("library/kind/<slug:kind>/rss/", feeds.KindPublicationFeed(), name="library_kind_rss"),
    path(
        "library/kind/<slug:kind>/atom/", feeds.KindPublicationAtomFeed(), name="library_kind_atom"
    ),
    path("library/theme/<slug:code>/rss/", feeds.ThemePublicationFeed(), name="library_theme_rss"),
    path(
        "library/theme/<slug:code>/atom/",
        feeds.ThemePublicationAtomFeed(),
        name="library_theme_atom",
    ),
    path("agenda.ics", calendars.agenda_calendar, name="agenda_ics"),
    path("agenda/region/<pageslug:slug>.ics", calendars.region_calendar, name="region_agenda_ics"),
    path("agenda/theme/<slug:code>.ics", calendars.theme_calendar, name="theme_agenda_ics"),
    path("event/<int:pk>.ics", calendars.event_calendar, name="event_ics"),
]
