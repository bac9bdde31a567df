"""The read-only Wagtail API v2: pages by type with each type's own fields."""

import datetime

import pytest
from django.utils import timezone

from news.models import PressContact
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

NEWS_FIELDS = "kind,date,themes,source_name,source_url,source_date"


def api_pages(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_news_listing_by_type_exposes_kind_date_themes_and_source(client, site_tree):
    NewsPageFactory(
        parent=site_tree.news_index,
        title="Relais Dakar",
        kind="relay",
        date=datetime.date(2025, 10, 1),
        themes=["impact", "cooperation"],
        source_name="Presse partenaire",
        source_url="https://example.org/dakar",
        source_date=datetime.date(2025, 9, 29),
    )
    NewsPageFactory(parent=site_tree.region_a, title="Article breton", themes=["training"])
    payload = api_pages(client, type="news.NewsPage", fields=NEWS_FIELDS, order="title")
    assert payload["meta"]["total_count"] == 2
    article, relay = payload["items"]
    assert relay["meta"]["type"] == "news.NewsPage"
    assert relay["kind"] == "relay"
    assert relay["date"] == "2025-10-01"
    assert relay["themes"] == ["cooperation", "impact"]  # codes, in the themes' order
    assert relay["source_name"] == "Presse partenaire"
    assert relay["source_url"] == "https://example.org/dakar"
    assert relay["source_date"] == "2025-09-29"
    assert article["themes"] == ["training"]
    assert article["source_date"] is None


def test_filtering_news_by_kind_through_the_api(client, site_tree):
    NewsPageFactory(parent=site_tree.news_index, title="Un article")
    NewsPageFactory(parent=site_tree.press_room, title="Un communiqué", kind="press_release")
    payload = api_pages(client, type="news.NewsPage", kind="press_release")
    assert [item["title"] for item in payload["items"]] == ["Un communiqué"]


def test_press_release_detail_has_its_press_contact(client, site_tree):
    contact = PressContact.objects.create(
        name="Claire Dumont", email="presse@example.org", locale=site_tree.locale
    )
    release = NewsPageFactory(
        parent=site_tree.press_room, title="Communiqué", kind="press_release", press_contact=contact
    )
    detail = client.get(f"/api/v2/pages/{release.pk}/").json()
    assert detail["kind"] == "press_release"
    assert detail["press_contact"]["id"] == contact.pk


def test_events_expose_dates_and_place(client, site_tree):
    start = timezone.make_aware(datetime.datetime(2027, 3, 10, 9, 30))
    EventPageFactory(
        parent=site_tree.agenda,
        title="Rencontre nationale",
        start=start,
        themes=["training"],
        place_name="Halle des coopératives",
        address="10 rue de l'Exemple",
        city="Lyon",
    )
    payload = api_pages(
        client, type="news.EventPage", fields="start,end,place_name,address,city,online_url,themes"
    )
    (event,) = payload["items"]
    assert event["start"].startswith("2027-03-10T09:30:00")
    assert event["end"].startswith("2027-03-10T12:30:00")
    assert (event["place_name"], event["address"], event["city"]) == (
        "Halle des coopératives",
        "10 rue de l'Exemple",
        "Lyon",
    )
    assert event["themes"] == ["training"]


def test_regions_expose_theme_and_contacts(client, site_tree):
    payload = api_pages(client, type="regions.RegionPage", fields="theme,contacts", order="title")
    bretagne, occitanie = payload["items"]
    assert bretagne["theme"] == "training" and occitanie["theme"] == "impact"
    (contact,) = bretagne["contacts"]
    assert (contact["name"], contact["role"], contact["email"]) == (
        "Anne Coord",
        "Coordinatrice",
        "anne@example.org",
    )


def test_roadmaps_expose_milestones_progress_and_themes(client, site_tree):
    payload = api_pages(client, type="chantiers.RoadmapPage", fields="themes,milestones,progress")
    (roadmap,) = payload["items"]
    assert roadmap["themes"] == ["training", "social_innovation", "cooperation", "impact"]
    assert [(m["title"], m["status"]) for m in roadmap["milestones"]] == [
        ("Congrès", "done"),
        ("Rencontres nationales", "planned"),
    ]
    assert roadmap["progress"] == 50


def test_chantiers_expose_their_theme(client, site_tree):
    payload = api_pages(client, type="chantiers.ChantierPage", fields="theme")
    assert sorted(item["theme"] for item in payload["items"]) == sorted(site_tree.chantiers)


def test_unknown_type_or_field_is_a_clear_400_not_a_500(client, site_tree):
    bad_type = client.get("/api/v2/pages/", {"type": "news.Nothing"})
    assert bad_type.status_code == 400
    assert "type" in bad_type.json()["message"]
    bad_field = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "nope"})
    assert bad_field.status_code == 400
    assert "nope" in bad_field.json()["message"]


def test_the_api_is_read_only(client, site_tree):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405
