"""iCalendar feeds of the agenda: whole agenda, per region, per chantier, one event;
Europe/Paris with TZID and VTIMEZONE; stable UIDs; in each language."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EventPageFactory, translate

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def events(site_tree):
    # 14 October at 09:30 in Paris is 07:30 UTC (summer time).
    congress_start = datetime.datetime(2031, 10, 14, 9, 30, tzinfo=PARIS)
    congress = EventPageFactory(
        parent=site_tree.agenda,
        title="Congrès national",
        start=congress_start,
        themes=["training", "impact"],
        place_name="Palais des congrès",
        city="Lyon",
    )
    EventPageFactory(
        parent=site_tree.region_a,
        title="Atelier breton",
        days=5,
        themes=["training"],
        city="Rennes",
    )
    EventPageFactory(
        parent=site_tree.region_b,
        title="Rencontre occitane",
        days=12,
        themes=["impact"],
        city="Toulouse",
    )
    EventPageFactory(
        parent=site_tree.agenda,
        title="Congrès de 2010",
        start=timezone.now() - datetime.timedelta(days=3000),
        themes=["impact"],
    )
    return site_tree, congress


def get_calendar(client, url_name, language="fr", **kwargs):
    with translation.override(language):
        url = reverse(url_name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return response, calendar


def summaries(calendar):
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


def assert_paris_times(response, calendar):
    text = response.content.decode()
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/Paris"]
    assert timezones[0].walk("DAYLIGHT") and timezones[0].walk("STANDARD")
    for event in calendar.walk("VEVENT"):
        assert event["dtstart"].params["TZID"] == "Europe/Paris"
        assert event["dtstart"].dt.tzinfo is not None
        assert event["dtend"].params["TZID"] == "Europe/Paris"
    assert "DTSTART;TZID=Europe/Paris:" in text


CALENDARS = [
    ("feeds:agenda_ics", {}, ["Atelier breton", "Rencontre occitane", "Congrès national"]),
    ("feeds:region_agenda_ics", {"slug": "bretagne"}, ["Atelier breton"]),
    ("feeds:region_agenda_ics", {"slug": "occitanie"}, ["Rencontre occitane"]),
    ("feeds:theme_agenda_ics", {"code": "impact"}, ["Rencontre occitane", "Congrès national"]),
    ("feeds:theme_agenda_ics", {"code": "training"}, ["Atelier breton", "Congrès national"]),
]


def test_agenda_region_and_theme_calendars(client, events):
    for url_name, kwargs, expected in CALENDARS:
        response, calendar = get_calendar(client, url_name, **kwargs)
        assert summaries(calendar) == expected, (url_name, kwargs)
        assert str(calendar["version"]) == "2.0"
        assert_paris_times(response, calendar)


def test_event_times_are_right_in_paris_and_uids_are_stable(client, events):
    site, congress = events
    _, calendar = get_calendar(client, "feeds:event_ics", pk=congress.pk)
    [event] = calendar.walk("VEVENT")
    assert event["dtstart"].dt == datetime.datetime(2031, 10, 14, 9, 30, tzinfo=PARIS)
    assert event["dtstart"].dt.utcoffset() == datetime.timedelta(hours=2)
    assert "DTSTART;TZID=Europe/Paris:20311014T093000" in calendar.to_ical().decode()
    assert "Palais des congrès" in str(event["location"])
    assert str(event["url"]) == congress.full_url
    uid = str(event["uid"])

    # Edited and republished: same UID, so calendars update the event.
    congress.title = "Congrès national (nouvelle salle)"
    congress.save_revision().publish()
    _, agenda = get_calendar(client, "feeds:agenda_ics")
    matching = [e for e in agenda.walk("VEVENT") if str(e["uid"]) == uid]
    assert [str(e["summary"]) for e in matching] == ["Congrès national (nouvelle salle)"]
    assert len({str(e["uid"]) for e in agenda.walk("VEVENT")}) == 3


def test_event_page_offers_add_to_my_calendar(client, events):
    _, congress = events
    html = client.get(congress.url).content.decode()
    url = reverse("feeds:event_ics", kwargs={"pk": congress.pk})
    assert f'href="{url}"' in html
    assert "Ajouter à mon agenda" in html
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment;")


def test_calendars_per_language(client, events):
    _, congress = events
    english = translate(congress, "en", title="National congress")
    _, calendar = get_calendar(client, "feeds:agenda_ics", language="en")
    assert summaries(calendar) == ["National congress"]
    _, french = get_calendar(client, "feeds:agenda_ics", language="fr")
    assert "National congress" not in summaries(french)
    # The two language versions are two entries: their UIDs differ.
    french_uid = next(
        str(e["uid"]) for e in french.walk("VEVENT") if str(e["summary"]) == "Congrès national"
    )
    english_uid = str(calendar.walk("VEVENT")[0]["uid"])
    assert french_uid != english_uid
    assert english.url.startswith("/en/")
