"""Signing up and managing a subscription, as visitors do it through the site's pages (the
e-mails go to Django's local-memory outbox here; tests/test_subscriptions_smtp.py sends
them through a real server): the sign-up box on every page that follows something, the
page of its own in both languages, bad input, the honeypot, rate limits, a second sign-up,
tokens forged, expired or used, the manage and unsubscribe pages."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from subscriptions import tokens
from subscriptions.models import Consent, SignupRequest, Subscriber, SubscriberState
from tests.factories import translate

pytestmark = pytest.mark.django_db

SIGN_UP = {"fr": "/fr/abonnement/", "en": "/en/subscribe/"}


def sign_up(client, language="fr", **data):
    form = {"language": language, "frequency": "weekly", "national_news": "on", **data}
    return client.post(SIGN_UP[language], form)


def confirm_link(message):
    return re.search(r"http://testserver(/\S+/(?:confirmer|confirm)/\S+/)", message.body).group(1)


def confirmed(client, email, **data):
    mail.outbox.clear()
    assert sign_up(client, email=email, **data).status_code == 200
    client.post(confirm_link(mail.outbox[-1]))
    return Subscriber.objects.get(email=email.strip().lower())


def box(html):
    start = html.index('<form class="subscribe-box"')
    return html[start : html.index("</form>", start)]


def test_the_sign_up_box_offers_what_the_page_is_about(client, site_tree):
    region = site_tree.region_a
    chantier = site_tree.chantiers["training"]
    expected = {
        site_tree.home.url: ('name="national_news" value="on" checked', "home"),
        region.url: (f'name="regions" value="{region.translation_key}" checked', "region:bretagne"),
        chantier.url: ('name="themes" value="training" checked', "chantier:training"),
        site_tree.press_room.url: ('name="press_releases" value="on" checked', "press"),
        site_tree.news_index.url: ('name="national_news" value="on" checked', "news"),
        site_tree.agenda.url: ('name="events" value="on" checked', "agenda"),
    }
    for url, (choice, source) in expected.items():
        html = client.get(url).content.decode()
        form = box(html)
        assert 'action="/fr/abonnement/"' in form, url
        assert choice in form, url
        assert f'name="source" value="{source}"' in form, url
        assert 'name="website"' in form and 'class="form-honeypot"' in form
        assert "csrfmiddlewaretoken" not in html, (
            "a CSRF token would keep the page out of the cache"
        )
        # The footer links to the page of its own.
        assert '<p class="subscribe-link"><a href="/fr/abonnement/">' in html
    press = box(client.get(site_tree.press_room.url).content.decode())
    assert 'name="frequency" value="immediate"' in press


def test_pages_with_the_sign_up_box_stay_in_the_page_cache(client, site_tree, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    assert client.get(site_tree.region_a.url)["X-Page-Cache"] == "miss"
    assert client.get(site_tree.region_a.url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_sign_up_page_in_each_language(client, site_tree, language):
    translate(site_tree.region_a, slug="brittany")
    response = client.get(SIGN_UP[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    title = {"fr": "Recevoir l’actualité par e-mail", "en": "Receive the news by e-mail"}
    assert title[language] in html
    for code in ("training", "social_innovation", "cooperation", "impact"):
        assert f'value="{code}"' in html
    assert "Bretagne" in html and "Occitanie" in html
    assert f'name="language" value="{language}"' in html and "checked" in html


def test_a_link_from_a_page_opens_the_page_with_its_choices(client, site_tree):
    key = site_tree.region_a.translation_key
    html = client.get(f"/fr/abonnement/?regions={key}&events=on").content.decode()
    assert re.search(rf'value="{key}"[^>]*checked', html)
    assert re.search(r'name="events"[^>]*checked', html)


def test_a_sign_up_stores_nothing_but_a_request_and_sends_one_e_mail(client, site_tree):
    response = sign_up(client, email="  Marie.Curie@EXAMPLE.org ", source="news")
    assert response.status_code == 200
    assert "Consultez votre boîte de réception" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "marie.curie@example.org"
    assert subscriber.state == SubscriberState.PENDING
    assert not subscriber.national_news, "choices apply once confirmed"
    request = SignupRequest.objects.get()
    assert request.source == "news" and request.choices["national_news"] is True
    assert request.wording.startswith("En vous abonnant")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["marie.curie@example.org"]
    assert mail.outbox[0].subject == "Confirmez votre abonnement aux e-mails du Mouvement ESS"


def test_an_internationalised_domain_is_stored_in_its_ascii_form(client, site_tree):
    sign_up(client, email="Elise@Bücher.example")
    assert Subscriber.objects.get().email == "elise@xn--bcher-kva.example"


@pytest.mark.parametrize(
    ("language", "email", "message"),
    [
        ("fr", "pas-une-adresse", "Saisissez une adresse e-mail valide"),
        ("fr", "nom@localhost", "Saisissez une adresse e-mail valide"),
        ("en", "a@b@example.org", "Enter a valid e-mail address"),
        ("fr", "quelquun@yopmail.com", "ressemble à une boîte jetable"),
        ("en", "someone@mail.mailinator.com", "looks like a disposable mailbox"),
    ],
)
def test_a_bad_address_gets_a_clear_answer_in_the_visitors_language(
    client, site_tree, language, email, message
):
    response = sign_up(client, language, email=email)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_sign_up_without_any_choice_is_refused(client, site_tree):
    response = client.post(
        SIGN_UP["en"], {"email": "a@example.org", "language": "en", "frequency": "weekly"}
    )
    assert response.status_code == 400
    assert "Choose at least one thing to receive." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_bot_that_fills_the_honeypot_is_answered_as_anyone_and_not_stored(client, site_tree):
    bot = sign_up(client, email="bot@example.org", website="https://spam.example")
    person = sign_up(Client(), email="person@example.org")
    assert bot.status_code == person.status_code == 200
    assert bot.content == person.content
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["person@example.org"]
    assert [m.to for m in mail.outbox] == [["person@example.org"]]


def test_sign_ups_are_limited_per_client_address(client, site_tree, settings):
    settings.SUBSCRIBE_RATE_LIMIT = 3
    for number in range(3):
        assert sign_up(client, email=f"n{number}@example.org").status_code == 200
    response = sign_up(client, email="n9@example.org")
    assert response.status_code == 429
    assert "Trop d’inscriptions sont venues de votre connexion" in response.content.decode()
    assert not Subscriber.objects.filter(email="n9@example.org").exists()
    other = sign_up(client, email="n9@example.org", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 429, "the test client's address is the one counted"


def test_sign_ups_are_limited_per_address(client, site_tree, settings):
    settings.SUBSCRIBE_ADDRESS_RATE_LIMIT = 2
    for _ in range(2):
        assert sign_up(Client(REMOTE_ADDR="192.0.2.1"), email="Same@example.org").status_code == 200
    response = sign_up(Client(REMOTE_ADDR="192.0.2.2"), email="same@EXAMPLE.org")
    assert response.status_code == 429
    assert "Trop d’inscriptions ont été faites pour cette adresse" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_second_sign_up_reveals_nothing_and_changes_choices_only_once_confirmed(
    client, site_tree
):
    known = confirmed(client, "connue@example.org")
    assert known.national_news and not known.events
    mail.outbox.clear()
    again = sign_up(Client(), email="Connue@example.org", national_news="", events="on")
    unknown = sign_up(Client(), email="inconnue@example.org", national_news="", events="on")
    assert again.status_code == unknown.status_code == 200
    assert again.content == unknown.content
    known.refresh_from_db()
    assert known.national_news and not known.events, "nothing changes before confirmation"
    assert Subscriber.objects.filter(email="connue@example.org").count() == 1

    client.post(confirm_link(mail.outbox[0]))
    known.refresh_from_db()
    assert known.events and not known.national_news
    assert list(Consent.objects.filter(subscriber=known).values_list("action", flat=True)) == [
        "update",
        "subscribe",
    ]


def test_a_forged_token_gets_a_clear_page_and_changes_nothing(client, site_tree):
    sign_up(client, email="vraie@example.org")
    link = confirm_link(mail.outbox[0])
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for url in (forged, "/en/subscribe/confirm/nonsense/", "/fr/abonnement/confirmer/x:y:z/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, url
            html = response.content.decode()
            assert ("Ce lien n’est pas valide" in html) or ("This link is not valid" in html)
            assert "vraie@example.org" not in html
    assert Subscriber.objects.get().state == SubscriberState.PENDING


def test_a_confirmation_link_expires_after_48_hours(client, site_tree):
    sign_up(client, email="tardive@example.org")
    link = confirm_link(mail.outbox[0])
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=49)
    ):
        with mock.patch("time.time", return_value=timezone.now().timestamp() + 49 * 3600):
            response = client.post(link)
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    assert Subscriber.objects.get().state == SubscriberState.PENDING


def test_unconfirmed_addresses_are_forgotten_once_their_links_expire(client, site_tree):
    sign_up(client, email="oubliee@example.org")
    confirmed(client, "gardee@example.org")
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=49)
    ):
        call_command("send_digests")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["gardee@example.org"]


def test_the_manage_page_changes_choices_and_unsubscribes(client, site_tree):
    subscriber = confirmed(client, "geree@example.org")
    url = f"/en/subscribe/manage/{tokens.subscriber_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") and "private" in page["Cache-Control"]
    assert 'name="robots" content="noindex' in page.content.decode()
    region = site_tree.region_a
    saved = client.post(
        url,
        {
            "regions": str(region.translation_key),
            "themes": ["impact"],
            "language": "en",
            "frequency": "weekly",
        },
    )
    assert saved.status_code == 200
    assert "Your choices are saved." in saved.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "en" and not subscriber.national_news
    assert list(subscriber.regions.all()) == [region]
    assert list(subscriber.themes.values_list("code", flat=True)) == ["impact"]
    assert Consent.objects.filter(subscriber=subscriber, action="update", source="manage").exists()

    bad = client.post(url, {"language": "en", "frequency": "weekly"})
    assert bad.status_code == 400
    assert "Choose at least one thing to receive." in bad.content.decode()

    gone = client.post(url, {"unsubscribe": "1"})
    assert "You are unsubscribed" in gone.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    # The same page subscribes again.
    client.post(url, {"national_news": "on", "language": "fr", "frequency": "weekly"})
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.ACTIVE


def test_the_unsubscribe_link_asks_first_when_opened_and_acts_on_a_post(client, site_tree):
    subscriber = confirmed(client, "partante@example.org")
    url = f"/fr/abonnement/desabonnement/{tokens.subscriber_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert (
        "Arrêter tous les e-mails du Mouvement ESS à partante@example.org" in page.content.decode()
    )
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.ACTIVE, (
        "opening the link (a mail scanner) is not enough"
    )
    assert Client().post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED


@pytest.mark.parametrize("path", ["/fr/abonnement/gerer/{}/", "/en/subscribe/unsubscribe/{}/"])
def test_a_forged_subscriber_token_changes_nothing(client, site_tree, path):
    subscriber = confirmed(client, "intacte@example.org")
    token = tokens.subscriber_token(subscriber)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = Client().post(path.format(forged), {"unsubscribe": "1"})
    assert response.status_code == 404
    assert "intacte@example.org" not in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.ACTIVE
