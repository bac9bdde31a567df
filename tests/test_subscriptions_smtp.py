"""E-mail subscriptions through a real SMTP server on 127.0.0.1 (aiosmtpd, started here on a
free port), read back: the whole double opt-in path, the digests and press alerts of
``send_digests`` (nothing twice, resumable after a crash, embargo kept), batches, and the
server's refusals.

Time passes by patching ``django.utils.timezone.now``, as cron would run the command later.
"""

import datetime
import re
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from subscriptions import sending, signup
from subscriptions.forms import CONSENT_WORDING
from subscriptions.models import (
    Consent,
    ConsentAction,
    Message,
    MessageStatus,
    Subscriber,
    SubscriberState,
)
from tests.factories import NewsPageFactory, translate
from tests.smtp_server import parts, running_smtp_server, smtp_settings

pytestmark = [pytest.mark.django_db, pytest.mark.server]

WEEK_LATER = datetime.timedelta(days=8)


@pytest.fixture(scope="module")
def smtp_server():
    with running_smtp_server() as server:
        yield server


@pytest.fixture
def mailbox(smtp_server):
    mailbox, port = smtp_server
    mailbox.clear()
    with smtp_settings(port):
        yield mailbox
    mailbox.clear()


def later(delta=WEEK_LATER):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + delta)


def subscribed(email, language="fr", **choices):
    """An address signed up and confirmed through the sign-up functions."""
    defaults = {
        "regions": [],
        "themes": [],
        "national_news": False,
        "press_releases": False,
        "events": False,
        "frequency": "weekly",
        "language": language,
    }
    request = signup.request_signup(
        email,
        {**defaults, **choices},
        source="page",
        wording=str(CONSENT_WORDING),
        language=language,
    )
    return signup.confirm(request)


def path_of(url):
    parts_ = urlsplit(url)
    return parts_.path + (f"?{parts_.query}" if parts_.query else "")


def links(text):
    return re.findall(r"https?://\S+", text)


def test_the_whole_double_opt_in_path(client, site_tree, mailbox):
    region = site_tree.region_a
    witness = subscribed("temoin@example.org", press_releases=True, frequency="immediate")
    # The sign-up page, as a visitor fills it in.
    response = client.post(
        "/fr/abonnement/",
        {
            "email": "  Lectrice@Example.ORG ",
            "regions": str(region.translation_key),
            "events": "on",
            "press_releases": "on",
            "language": "fr",
            "frequency": "immediate",
            "source": "region:bretagne",
        },
    )
    assert response.status_code == 200
    assert "Consultez votre boîte de réception" in response.content.decode()

    # Only the confirmation e-mail, to the normalised address.
    assert len(mailbox.messages) == 1
    confirmation = mailbox.messages[0]
    assert confirmation["To"] == "lectrice@example.org"
    assert confirmation["Subject"] == "Confirmez votre abonnement aux e-mails du Mouvement ESS"
    assert confirmation.get_content_type() == "multipart/alternative"
    text, html = parts(confirmation)
    assert "Actualité des régions : Bretagne" in text and "Événements" in text
    assert "Les communiqués de presse, dès leur publication" in text
    assert 'style="' in html and "<link" not in html and "<script" not in html
    assert re.search(r'<img[^>]+src="http://testserver/static/subscriptions/email-logo\.png"', html)
    confirm_url = next(url for url in links(text) if "/confirmer/" in url)
    assert f'href="{confirm_url}"' in html
    subscriber = Subscriber.objects.exclude(pk=witness.pk).get()
    assert subscriber.email == "lectrice@example.org"
    assert subscriber.state == SubscriberState.PENDING

    # Nothing but the confirmation until the link is followed: a press release goes to
    # the confirmed press subscriber only.
    NewsPageFactory(parent=region, title="Avant la confirmation", kind="press_release")
    call_command("send_digests")
    assert [m["To"] for m in mailbox.messages] == ["lectrice@example.org", "temoin@example.org"]
    mailbox.clear()

    page = client.get(path_of(confirm_url))
    assert page.status_code == 200
    assert "Actualité des régions : Bretagne" in page.content.decode()
    done = client.post(path_of(confirm_url))
    assert done.status_code == 200
    assert "Votre abonnement est confirmé" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.ACTIVE
    assert list(subscriber.regions.all()) == [region]
    consent = Consent.objects.get(subscriber=subscriber)
    assert consent.choices["frequency"] == "immediate"
    assert consent.action == ConsentAction.SUBSCRIBE
    assert consent.source == "region:bretagne"
    assert consent.wording.startswith("En vous abonnant, vous acceptez")
    # Single use.
    again = client.post(path_of(confirm_url))
    assert again.status_code == 410
    assert "Ce lien a déjà servi" in again.content.decode()

    news = NewsPageFactory(parent=region, title="Atelier coopératif à Rennes", intro="Trois jours.")
    with later():
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages] == ["lectrice@example.org"]
    digest = mailbox.messages[0]
    assert digest["Subject"] == "Votre semaine avec le Mouvement ESS : 1 nouveauté"
    unsubscribe_header = digest["List-Unsubscribe"].strip()
    assert re.fullmatch(
        r"<http://testserver/fr/abonnement/desabonnement/[^>]+/>", unsubscribe_header
    )
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(digest)
    for part in (text, html):
        assert "Atelier coopératif à Rennes" in part
        assert "Avant la confirmation" not in part
    assert f'href="{news.full_url}"' in html
    # Every link of the e-mail works when followed.
    for url in set(links(text)):
        assert client.get(path_of(url)).status_code == 200, url
    manage_url = next(url for url in links(text) if "/gerer/" in url)
    assert "Votre abonnement" in client.get(path_of(manage_url)).content.decode()

    # One-click unsubscribe: a POST with no cookie, as a mail client sends it.
    mail_client = Client()
    response = mail_client.post(
        path_of(unsubscribe_header.strip("<>")),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert Consent.objects.filter(subscriber=subscriber, action="unsubscribe", source="one-click")

    NewsPageFactory(parent=region, title="Après le désabonnement", kind="press_release")
    with later(2 * WEEK_LATER):
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages[1:]] == ["temoin@example.org"]


def test_send_digests_run_twice_sends_nothing_the_second_time(site_tree, mailbox):
    for number in range(3):
        subscribed(f"lecteur{number}@example.org", national_news=True)
    NewsPageFactory(parent=site_tree.news_index, title="Actualité nationale")
    with later():
        call_command("send_digests")
        assert len(mailbox.messages) == 3
        call_command("send_digests")
    assert len(mailbox.messages) == 3
    # A week later, only what is new.
    with later(WEEK_LATER + datetime.timedelta(days=1)):
        NewsPageFactory(parent=site_tree.news_index, title="La suite")
    with later(2 * WEEK_LATER):
        call_command("send_digests")
        call_command("send_digests")
    assert len(mailbox.messages) == 6
    assert all(
        "La suite" in parts(m)[0] and "Actualité nationale" not in parts(m)[0]
        for m in mailbox.messages[3:]
    )


def test_after_a_crash_half_way_the_next_run_sends_the_rest_exactly_once(site_tree, mailbox):
    addresses = [f"membre{number}@example.org" for number in range(5)]
    for address in addresses:
        subscribed(address, national_news=True)
    NewsPageFactory(parent=site_tree.news_index, title="À tous les membres")

    built = sending.mail.digest
    calls = []

    def crash_at_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the process is stopped in the middle of the run
        return built(*args, **kwargs)

    with later(), mock.patch.object(sending.mail, "digest", side_effect=crash_at_the_third):
        with pytest.raises(KeyboardInterrupt):
            call_command("send_digests")
    assert len(mailbox.messages) == 2
    assert Message.objects.filter(status=MessageStatus.SENDING).count() == 0

    with later():
        call_command("send_digests")
        call_command("send_digests")
    assert sorted(m["To"] for m in mailbox.messages) == addresses


def test_a_killed_run_leaves_its_claim_until_the_claim_times_out(site_tree, mailbox, settings):
    first = subscribed("premier@example.org", national_news=True)
    subscribed("second@example.org", national_news=True)
    NewsPageFactory(parent=site_tree.news_index, title="Une nouvelle")
    now = timezone.now() + WEEK_LATER
    # A run claimed the first e-mail, then was killed before the server answered.
    run = sending.SendRun.objects.create()
    claimed = sending.claim(first.pk, alert=False, now=now, slot=sending.digest_slot(now), run=run)
    assert claimed is not None

    with mock.patch("django.utils.timezone.now", return_value=now):
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages] == ["second@example.org"]

    stale = now + datetime.timedelta(minutes=settings.SUBSCRIPTIONS_CLAIM_MINUTES + 1)
    with mock.patch("django.utils.timezone.now", return_value=stale):
        call_command("send_digests")
        call_command("send_digests")
    assert sorted(m["To"] for m in mailbox.messages) == [
        "premier@example.org",
        "second@example.org",
    ]


def test_an_embargoed_release_reaches_no_one_before_its_time_and_every_press_subscriber_after(
    site_tree, mailbox
):
    subscribed("alerte@example.org", press_releases=True, frequency="immediate")
    subscribed("alert@example.org", language="en", press_releases=True, frequency="immediate")
    subscribed("hebdo@example.org", press_releases=True)
    subscribed("region@example.org", regions=[str(site_tree.region_a.translation_key)])
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    release = NewsPageFactory(
        parent=site_tree.press_room,
        title="Communiqué sous embargo",
        kind="press_release",
        live=False,
        go_live_at=go_live_at,
    )
    assert not release.live

    for delta in (datetime.timedelta(0), datetime.timedelta(hours=1)):
        with later(delta):
            call_command("publish_scheduled")
            call_command("send_digests")
    assert mailbox.messages == []

    with later(datetime.timedelta(hours=2, minutes=1)):
        call_command("publish_scheduled")
        call_command("send_digests")
    assert sorted(m["To"] for m in mailbox.messages) == ["alert@example.org", "alerte@example.org"]
    french = mailbox.to("alerte@example.org")[0]
    assert french["Subject"] == "Communiqué : Communiqué sous embargo"
    english = mailbox.to("alert@example.org")[0]
    assert english["Subject"] == "Press release: Communiqué sous embargo"
    assert "(in French)" in parts(english)[0]

    with later(WEEK_LATER):
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages[2:]] == ["hebdo@example.org"]
    assert "Communiqué sous embargo" in parts(mailbox.messages[2])[0]


def test_each_subscriber_gets_their_language_and_a_translation_is_not_sent_again(
    site_tree, mailbox
):
    subscribed("fr@example.org", national_news=True)
    subscribed("en@example.org", language="en", national_news=True)
    en_index = translate(site_tree.news_index, title="News")
    item = NewsPageFactory(parent=site_tree.news_index, title="Le congrès", intro="En octobre.")
    translate(item, title="The congress", intro="In October.")
    assert en_index.live
    with later():
        call_command("send_digests")
    assert parts(mailbox.to("en@example.org")[0])[0].count("The congress") == 1
    assert "Le congrès" not in parts(mailbox.to("en@example.org")[0])[0]
    assert "Le congrès" in parts(mailbox.to("fr@example.org")[0])[0]
    assert mailbox.to("en@example.org")[0]["Subject"] == (
        "Your week with the ESS Movement: 1 new item"
    )


def test_refusals_are_logged_and_a_permanent_one_deactivates_the_address(
    site_tree, mailbox, caplog
):
    gone = subscribed("parti@example.org", national_news=True)
    busy = subscribed("occupe@example.org", national_news=True)
    subscribed("present@example.org", national_news=True)
    mailbox.refuse["parti@example.org"] = "550 5.1.1 No such user here"
    mailbox.refuse["occupe@example.org"] = "452 4.2.2 Mailbox full, try later"
    NewsPageFactory(parent=site_tree.news_index, title="Pour tous")

    with later():
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages] == ["present@example.org"]
    gone.refresh_from_db()
    busy.refresh_from_db()
    assert gone.state == SubscriberState.BOUNCED
    assert busy.state == SubscriberState.ACTIVE
    refused = Message.objects.get(subscriber=gone)
    assert (refused.status, refused.smtp_code) == (MessageStatus.REFUSED, 550)
    assert "No such user" in refused.smtp_response
    deferred = Message.objects.get(subscriber=busy)
    assert (deferred.status, deferred.smtp_code) == (MessageStatus.FAILED, 452)
    assert "refused message" in caplog.text and "deferred" in caplog.text

    # The next run tries the deferred one again, never the deactivated one.
    del mailbox.refuse["occupe@example.org"]
    with later():
        call_command("send_digests")
    assert sorted(m["To"] for m in mailbox.messages) == [
        "occupe@example.org",
        "present@example.org",
    ]


def test_e_mails_go_by_batches_with_a_pause_between_them(site_tree, mailbox):
    for number in range(5):
        subscribed(f"lot{number}@example.org", national_news=True)
    NewsPageFactory(parent=site_tree.news_index, title="Par lots")
    with later(), mock.patch.object(sending.time, "sleep") as sleep:
        call_command("send_digests", batch_size=2, pause=1.5)
    assert len(mailbox.messages) == 5
    assert len(mailbox.sessions) == 3
    assert [call.args for call in sleep.call_args_list] == [(1.5,), (1.5,)]


def test_a_mail_server_that_is_down_stops_the_run_and_loses_nothing(site_tree, mailbox, settings):
    subscribed("patient@example.org", national_news=True)
    NewsPageFactory(parent=site_tree.news_index, title="Plus tard")
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there
    with later():
        call_command("send_digests")
    assert not Message.objects.exists()
    settings.EMAIL_PORT = port
    with later():
        call_command("send_digests")
    assert [m["To"] for m in mailbox.messages] == ["patient@example.org"]


def test_a_sign_up_while_the_mail_server_is_down_says_so(client, site_tree, mailbox, settings):
    settings.EMAIL_PORT = 1
    response = client.post(
        "/en/subscribe/",
        {
            "email": "someone@example.org",
            "national_news": "on",
            "language": "en",
            "frequency": "weekly",
        },
    )
    assert response.status_code == 503
    assert "Our mail server did not answer" in response.content.decode()
