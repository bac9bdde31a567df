"""Embargo: a page scheduled for later publication is invisible on every channel until
``publish_scheduled`` runs after its time, then visible on all of them.

Time passes by patching ``django.utils.timezone.now`` while ``publish_scheduled`` runs, as
cron would run it an hour later.
"""

import datetime
from unittest import mock
from xml.etree import ElementTree

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
WORD = "Quasarembargo"


@pytest.fixture
def embargoed(site_tree):
    go_live_at = timezone.now() + datetime.timedelta(hours=1)
    # A draft whose publication is scheduled: it goes live when publish_scheduled runs.
    release = NewsPageFactory(
        parent=site_tree.region_a,
        title=f"Communiqué {WORD}",
        kind="press_release",
        date=timezone.localdate(),
        intro="Annonce sous embargo.",
        live=False,
        go_live_at=go_live_at,
        themes=["training"],
    )
    event = EventPageFactory(
        parent=site_tree.region_a,
        title=f"Rencontre {WORD}",
        start=timezone.now() + datetime.timedelta(days=20),
        city="Rennes",
        live=False,
        go_live_at=go_live_at,
        themes=["training"],
    )
    return site_tree, release, event, go_live_at


def what_each_channel_shows(client, site, release, event):
    """For each channel, whether the embargoed press release (or event) is there."""
    seen = {}
    for name, page in [
        ("home", site.home),
        ("news index", site.news_index),
        ("press room", site.press_room),
        ("region page", site.region_a),
        ("national chantier page", site.chantiers["training"]),
    ]:
        seen[f"listing: {name}"] = WORD in client.get(page.url).content.decode()
    seen["agenda"] = WORD in client.get(site.agenda.url).content.decode()

    for url_name, kwargs in [
        ("feeds:news_rss", {}),
        ("feeds:news_atom", {}),
        ("feeds:press_rss", {}),
        ("feeds:press_atom", {}),
        ("feeds:region_news_rss", {"slug": "bretagne"}),
        ("feeds:theme_news_atom", {"code": "training"}),
    ]:
        feed = feedparser.parse(client.get(reverse(url_name, kwargs=kwargs)).content)
        assert not feed.bozo, url_name
        seen[f"feed: {url_name}"] = any(WORD in entry.title for entry in feed.entries)

    for url_name, kwargs in [
        ("feeds:agenda_ics", {}),
        ("feeds:region_agenda_ics", {"slug": "bretagne"}),
        ("feeds:theme_agenda_ics", {"code": "training"}),
    ]:
        calendar = icalendar.Calendar.from_ical(
            client.get(reverse(url_name, kwargs=kwargs)).content
        )
        seen[f"calendar: {url_name}"] = any(
            WORD in str(component.get("summary")) for component in calendar.walk("VEVENT")
        )
    seen["calendar: event .ics"] = (
        client.get(reverse("feeds:event_ics", kwargs={"pk": event.pk})).status_code == 200
    )

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in sitemap.findall("sm:url/sm:loc", SITEMAP_NS)]
    seen["sitemap"] = release.full_url in locations

    search = client.get(reverse("search"), {"q": WORD})
    seen["search"] = f"Communiqué {WORD}" in search.content.decode()

    api = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "kind"}).json()
    seen["api: listing"] = any(WORD in item["title"] for item in api["items"])
    seen["api: detail"] = client.get(f"/api/v2/pages/{release.pk}/").status_code == 200
    events_api = client.get("/api/v2/pages/", {"type": "news.EventPage"}).json()
    seen["api: events"] = any(WORD in item["title"] for item in events_api["items"])

    seen["page itself"] = client.get(release.url).status_code == 200
    return seen


def test_scheduled_press_release_is_nowhere_before_its_time_and_everywhere_after(client, embargoed):
    site, release, event, go_live_at = embargoed
    assert not release.live and not event.live

    before = what_each_channel_shows(client, site, release, event)
    assert not any(before.values()), [channel for channel, seen in before.items() if seen]

    # publish_scheduled before the time changes nothing.
    call_command("publish_scheduled")
    release.refresh_from_db()
    assert not release.live

    # An hour later, cron runs publish_scheduled.
    later = go_live_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    release.refresh_from_db()
    event.refresh_from_db()
    assert release.live and event.live

    after = what_each_channel_shows(client, site, release, event)
    assert all(after.values()), [channel for channel, seen in after.items() if not seen]
