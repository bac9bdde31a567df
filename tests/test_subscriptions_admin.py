"""The press desk and the subscribers in the admin, for each role: embargo preview links
(created, e-mailed, valid, expired, revoked, tampered, never cached, logged, showing the
approved revision), the subscribers list (national team only: filters, CSV export,
erasure), the send log, and the coordinators' counts."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from regions.permissions import sync_all
from subscriptions import embargo, tokens
from subscriptions.models import (
    Erasure,
    Message,
    MessageStatus,
    PreviewLink,
    PreviewOpening,
    Subscriber,
    SubscriberState,
)
from tests.factories import NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.region_provisioning]


@pytest.fixture
def desk(world):
    """The regional world with an embargoed press release in the press room and one in
    Occitanie, and subscribers."""
    sync_all()  # the subscriptions' permissions of the national groups
    go_live_at = timezone.now() + datetime.timedelta(days=2)
    site = world.site
    release = NewsPageFactory(
        parent=site.press_room,
        title="Le prêt de 100 M€ sous embargo",
        kind="press_release",
        intro="Annonce nationale.",
        live=False,
        go_live_at=go_live_at,
    )
    regional = NewsPageFactory(
        parent=site.region_b,
        title="Communiqué d'Occitanie sous embargo",
        kind="press_release",
        live=False,
        go_live_at=go_live_at,
    )
    now = timezone.now()
    subscribers = [
        Subscriber.objects.create(
            email=f"{name}@example.org",
            language="fr",
            state=SubscriberState.ACTIVE,
            confirmed_at=now,
        )
        for name in ("ada", "bea", "cyd")
    ]
    subscribers[0].regions.add(site.region_a)
    subscribers[1].regions.add(site.region_a)
    subscribers[2].press_releases = True
    subscribers[2].save()
    world.__dict__.update(
        release=release, regional=regional, go_live_at=go_live_at, subscribers=subscribers
    )
    return world


def logged_in(world, role):
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def create_link(client, page, **extra):
    data = {
        "page": page.pk,
        "journalist_name": "Jeanne Reporter",
        "outlet": "La Gazette",
        "email": "jeanne@example.org",
        "expires_at": "",
        **extra,
    }
    return client.post("/admin/previewlinks/new/", data)


def preview_path(link):
    return f"/fr/embargo/{tokens.preview_token(link)}/"


@pytest.mark.parametrize("role", ["press", "national"])
def test_press_and_national_team_give_a_journalist_a_link_that_shows_the_release(desk, role):
    client = logged_in(desk, role)
    form = client.get(f"/admin/previewlinks/new/?page={desk.release.pk}")
    assert form.status_code == 200
    assert "Le prêt de 100 M€ sous embargo" in form.content.decode()

    response = create_link(client, desk.release, send_email="on")
    assert response.status_code == 302, response.content.decode()[:3000]
    link = PreviewLink.objects.get()
    assert link.created_by == desk.users[role]
    assert link.expires_at == desk.go_live_at + datetime.timedelta(days=1)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["jeanne@example.org"]
    assert sent.subject == "Sous embargo : Le prêt de 100 M€ sous embargo"
    assert "http://testserver" + preview_path(link) in sent.body
    assert "ne pas publier avant" in sent.alternatives[0][0]

    page = Client().get(preview_path(link))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Le prêt de 100 M€ sous embargo" in html
    assert "Sous embargo jusqu’au" in html and "ne pas publier avant" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'class="box share"' not in html, "no invitation to share before the embargo lifts"
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert PreviewOpening.objects.filter(link=link).count() == 1


def test_the_link_shows_the_approved_revision_not_a_later_draft(desk):
    link = PreviewLink.objects.create(
        page=desk.release,
        journalist_name="J",
        outlet="O",
        email="j@example.org",
        expires_at=embargo.default_expiry(desk.release),
    )
    draft = desk.release.get_latest_revision_as_object()
    draft.title = "Brouillon pas encore validé"
    draft.save_revision()
    html = Client().get(preview_path(link)).content.decode()
    assert "Le prêt de 100 M€ sous embargo" in html
    assert "Brouillon pas encore validé" not in html


def test_preview_links_are_never_cached_and_each_opening_is_logged(desk, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    link = PreviewLink.objects.create(
        page=desk.release,
        journalist_name="J",
        outlet="O",
        email="j@example.org",
        expires_at=embargo.default_expiry(desk.release),
    )
    anonymous = Client()
    first = anonymous.get(preview_path(link))
    second = anonymous.get(preview_path(link))
    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    # Nor does the release's own address give it to anyone, before or after the preview.
    public = anonymous.get(desk.release.url)
    assert public.status_code == 404
    assert "Le prêt de 100 M€" not in public.content.decode()
    assert PreviewOpening.objects.filter(link=link).count() == 2
    link.revoked_at = timezone.now()
    link.save()
    third = anonymous.get(preview_path(link))
    assert third.status_code == 410
    assert "Ce lien d’aperçu a été retiré" in third.content.decode()
    assert "Le prêt de 100 M€" not in third.content.decode()
    assert PreviewOpening.objects.filter(link=link).count() == 2


def test_expired_revoked_and_tampered_links_are_refused_with_a_clear_page(desk):
    link = PreviewLink.objects.create(
        page=desk.release,
        journalist_name="J",
        outlet="O",
        email="j@example.org",
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    token = tokens.preview_token(link)
    tampered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    for url, status, text in [
        (f"/fr/embargo/{tampered}/", 404, "Ce lien n’est pas valide"),
        (f"/en/embargo/{tampered}/", 404, "This link is not valid"),
        ("/fr/embargo/pas-un-jeton/", 404, "Ce lien n’est pas valide"),
    ]:
        response = Client().get(url)
        assert response.status_code == status
        assert text in response.content.decode()
        assert response["Cache-Control"].count("no-store") == 1
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=2)
    ):
        expired = Client().get(f"/en/embargo/{token}/")
    assert expired.status_code == 410
    assert "This preview link has expired" in expired.content.decode()
    assert not PreviewOpening.objects.exists()


def test_once_the_embargo_is_over_the_link_leads_to_the_public_page(desk):
    link = PreviewLink.objects.create(
        page=desk.release,
        journalist_name="J",
        outlet="O",
        email="j@example.org",
        expires_at=embargo.default_expiry(desk.release),
    )
    with mock.patch(
        "django.utils.timezone.now", return_value=desk.go_live_at + datetime.timedelta(minutes=1)
    ):
        call_command("publish_scheduled")
        response = Client().get(preview_path(link))
    desk.release.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == desk.release.url


def test_press_cannot_give_a_link_to_another_regions_release(desk):
    client = logged_in(desk, "press")
    form = client.get("/admin/previewlinks/new/").content.decode()
    assert "Le prêt de 100 M€ sous embargo" in form
    assert "Communiqué d'Occitanie" not in form
    response = create_link(client, desk.regional)
    assert response.status_code == 200
    assert not PreviewLink.objects.exists()
    # The national team may (it publishes everywhere); a link it made is not listed for press.
    create_link(logged_in(desk, "national"), desk.regional)
    link = PreviewLink.objects.get()
    listing = client.get("/admin/previewlinks/").content.decode()
    assert "Jeanne Reporter" not in listing
    results = client.get("/admin/previewlinks/results/", {"q": "Jeanne"}).content.decode()
    assert "Jeanne Reporter" not in results
    for view in ("edit", "history", "history-results", "usage", "delete"):
        refused = client.get(f"/admin/previewlinks/{view}/{link.pk}/")
        assert refused.status_code in (302, 403), view
        assert b"Jeanne" not in refused.content, view
    revoke = client.post(f"/admin/previewlinks/edit/{link.pk}/", {"expires_at": "", "revoke": "on"})
    assert revoke.status_code in (302, 403)
    link.refresh_from_db()
    assert link.revoked_at is None
    # The links of its own releases, press sees in each of these views.
    own = create_link(client, desk.release)
    assert own.status_code == 302
    mine = PreviewLink.objects.get(page=desk.release)
    for view in ("edit", "history", "usage"):
        response = client.get(f"/admin/previewlinks/{view}/{mine.pk}/")
        assert response.status_code == 200, view


def test_press_gives_no_link_to_an_embargoed_page_that_is_not_a_press_release(desk):
    article = NewsPageFactory(
        parent=desk.site.news_index,
        title="Article national sous embargo",
        kind="article",
        live=False,
        go_live_at=desk.go_live_at,
    )
    client = logged_in(desk, "press")
    assert article.permissions_for_user(desk.users["press"]).can_publish()
    assert (
        "Article national sous embargo"
        not in client.get("/admin/previewlinks/new/").content.decode()
    )
    assert create_link(client, article).status_code == 200
    assert not PreviewLink.objects.exists()
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/previewlinks/new/?page={article.pk}" not in edit


@pytest.mark.parametrize("role", ["coord_a", "coord_b", "nobody"])
def test_a_coordinator_cannot_make_preview_links_nor_see_addresses(desk, role):
    client = logged_in(desk, role)
    link = PreviewLink.objects.create(
        page=desk.regional,
        journalist_name="Jeanne Reporter",
        outlet="O",
        email="jeanne@example.org",
        expires_at=embargo.default_expiry(desk.regional),
    )
    for view in ("edit", "history", "usage", "delete"):
        response = client.get(f"/admin/previewlinks/{view}/{link.pk}/")
        assert response.status_code in (302, 403), view
        assert b"Jeanne" not in response.content
    link.delete()
    for url in [
        "/admin/previewlinks/",
        "/admin/previewlinks/new/",
        "/admin/subscribers/",
        "/admin/subscribers/?export=csv",
        f"/admin/subscribers/inspect/{desk.subscribers[0].pk}/",
        f"/admin/subscribers/delete/{desk.subscribers[0].pk}/",
        f"/admin/subscribers/edit/{desk.subscribers[0].pk}/",
        f"/admin/subscribers/history/{desk.subscribers[0].pk}/",
        f"/admin/subscribers/usage/{desk.subscribers[0].pk}/",
        "/admin/subscribers/results/?q=ada",
        "/admin/sendlog/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"ada@example.org" not in response.content
    assert create_link(client, desk.regional).status_code in (302, 403)
    assert create_link(client, desk.release).status_code in (302, 403)
    assert not PreviewLink.objects.exists()
    edit = client.get(f"/admin/pages/{desk.regional.pk}/edit/")
    assert b"Lien d\xe2\x80\x99aper\xc3\xa7u sous embargo" not in edit.content


def test_the_coordinator_sees_how_many_follow_their_region_and_no_address(desk):
    dashboard = logged_in(desk, "coord_a").get("/admin/").content.decode()
    assert "Abonnés par e-mail" in dashboard or "E-mail subscribers" in dashboard
    assert "Bretagne : 2 abonnés suivent l’actualité de la région" in dashboard or (
        "Bretagne: 2 subscribers follow the region's news" in dashboard
    )
    assert "ada@example.org" not in dashboard
    other = logged_in(desk, "coord_b").get("/admin/").content.decode()
    assert "0 abonné suit" in other or "0 subscriber follows" in other


def test_press_sees_the_link_button_on_an_embargoed_release_only(desk):
    client = logged_in(desk, "press")
    edit = client.get(f"/admin/pages/{desk.release.pk}/edit/").content.decode()
    assert f"/admin/previewlinks/new/?page={desk.release.pk}" in edit


def test_the_national_team_lists_filters_exports_and_erases_subscribers(desk):
    client = logged_in(desk, "national")
    listing = client.get("/admin/subscribers/").content.decode()
    assert all(f"{name}@example.org" in listing for name in ("ada", "bea", "cyd"))
    filtered = client.get("/admin/subscribers/", {"press_releases": "true"}).content.decode()
    assert "cyd@example.org" in filtered and "ada@example.org" not in filtered
    by_region = client.get("/admin/subscribers/", {"regions": desk.site.region_a.pk})
    assert "ada@example.org" in by_region.content.decode()
    assert "cyd@example.org" not in by_region.content.decode()

    export = client.get("/admin/subscribers/?export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "ada@example.org" in csv and "Actualité des régions : Bretagne" in csv

    ada = desk.subscribers[0]
    message = Message.objects.create(
        subscriber=ada, kind="digest", status=MessageStatus.SENT, language="fr", item_count=2
    )
    log = client.get("/admin/sendlog/").content.decode()
    assert "ada@example.org" in log

    response = client.post(f"/admin/subscribers/delete/{ada.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="ada@example.org").exists()
    assert Erasure.objects.count() == 1
    message.refresh_from_db()
    assert message.subscriber is None and message.item_count == 2
    assert "ada@example.org" not in client.get("/admin/sendlog/").content.decode()
    from wagtail.models import ModelLogEntry

    assert not ModelLogEntry.objects.filter(label__contains="ada@example.org").exists()


def test_press_sees_no_subscriber(desk):
    client = logged_in(desk, "press")
    assert client.get("/admin/subscribers/").status_code in (302, 403)
    assert client.get("/admin/sendlog/").status_code in (302, 403)
