"""Signing up, confirming, changing and cancelling a subscription.

A sign-up never changes what an address receives: it records a request with the choices
and the wording shown, and e-mails its confirmation link. Following the link (within 48
hours, once) applies the choices and writes the consent record. An address signed up
again is the same subscriber; the visitor sees the same answer either way.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.models import Theme
from regions.models import RegionPage
from subscriptions import mail, tokens
from subscriptions.models import (
    Consent,
    ConsentAction,
    Frequency,
    SignupRequest,
    Subscriber,
    SubscriberState,
    describe_choices,
)

logger = logging.getLogger(__name__)


def _regions(keys):
    """The region pages of these translation keys, in the default language where it has one."""
    regions = {}
    default = settings.LANGUAGE_CODE
    for region in RegionPage.objects.filter(translation_key__in=keys).select_related("locale"):
        current = regions.get(region.translation_key)
        if current is None or region.locale.language_code == default:
            regions[region.translation_key] = region
    return list(regions.values())


def choices_of(subscriber):
    """A subscriber's choices, as a sign-up request stores them (and the manage form's
    initial values)."""
    keys = subscriber.regions.values_list("translation_key", flat=True)
    return {
        "regions": sorted(str(key) for key in keys),
        "themes": sorted(subscriber.themes.values_list("code", flat=True)),
        "national_news": subscriber.national_news,
        "press_releases": subscriber.press_releases,
        "events": subscriber.events,
        "frequency": subscriber.frequency,
        "language": subscriber.language,
    }


def summary(choices, language):
    """What the choices say, in ``language``: a list of lines for pages and e-mails."""
    with translation.override(language):
        return describe_choices(
            regions=_regions(choices.get("regions", [])),
            themes=list(Theme.objects.filter(code__in=choices.get("themes", []))),
            national_news=choices.get("national_news"),
            press_releases=choices.get("press_releases"),
            events=choices.get("events"),
            frequency=choices.get("frequency"),
        )


def apply_choices(subscriber, choices):
    subscriber.national_news = bool(choices.get("national_news"))
    subscriber.press_releases = bool(choices.get("press_releases"))
    subscriber.events = bool(choices.get("events"))
    subscriber.frequency = choices.get("frequency") or Frequency.WEEKLY
    if choices.get("language") in dict(settings.LANGUAGES):
        subscriber.language = choices["language"]
    subscriber.save()
    subscriber.regions.set(_regions(choices.get("regions", [])))
    subscriber.themes.set(Theme.objects.filter(code__in=choices.get("themes", [])))


@transaction.atomic
def request_signup(email, choices, *, source, wording, language):
    """Record a sign-up for ``email`` (normalised) and return its request, to be e-mailed."""
    subscriber, _created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    return SignupRequest.objects.create(
        subscriber=subscriber,
        language=language,
        choices=choices,
        source=source,
        wording=wording,
    )


def send_confirmation(signup_request):
    message = mail.confirmation(
        signup_request, summary(signup_request.choices, signup_request.language)
    )
    message.send()


def find_request(token):
    """``(request, None)`` for a usable confirmation token, else ``(None, reason)`` with
    reason ``"expired"``, ``"used"`` or ``"invalid"``."""
    key, reason = tokens.confirmation_key(token)
    if key is None:
        return None, reason
    signup_request = SignupRequest.objects.select_related("subscriber").filter(key=key).first()
    if signup_request is None:
        return None, "invalid"
    if signup_request.used_at is not None:
        return None, "used"
    if signup_request.created_at < timezone.now() - tokens.CONFIRMATION_MAX_AGE:
        return None, "expired"
    return signup_request, None


def _activate(subscriber, now):
    if subscriber.state != SubscriberState.ACTIVE:
        subscriber.state = SubscriberState.ACTIVE
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.deactivated_at = None
        # Only what is published from now on: nothing from before the subscription.
        subscriber.digest_since = now
        subscriber.alerts_since = now
        subscriber.digest_slot = None


@transaction.atomic
def confirm(signup_request):
    """Apply a request's choices; the request cannot be used again."""
    now = timezone.now()
    signup_request = SignupRequest.objects.select_for_update().get(pk=signup_request.pk)
    if signup_request.used_at is not None:
        return None
    subscriber = Subscriber.objects.select_for_update().get(pk=signup_request.subscriber_id)
    action = (
        ConsentAction.UPDATE
        if subscriber.state == SubscriberState.ACTIVE
        else ConsentAction.SUBSCRIBE
    )
    _activate(subscriber, now)
    apply_choices(subscriber, signup_request.choices)
    signup_request.used_at = now
    signup_request.save(update_fields=["used_at"])
    # Other pending requests of the address: this one decided.
    subscriber.requests.filter(used_at__isnull=True).update(used_at=now)
    Consent.objects.create(
        subscriber=subscriber,
        action=action,
        choices=signup_request.choices,
        source=signup_request.source,
        wording=signup_request.wording,
        language=signup_request.language,
        requested_at=signup_request.created_at,
    )
    return subscriber


def find_subscriber(token):
    key = tokens.subscriber_key(token)
    if key is None:
        return None
    return Subscriber.objects.filter(key=key).first()


@transaction.atomic
def change(subscriber, choices, wording):
    """New choices from the manage page (the link proved the address is theirs); an
    address that was unsubscribed or deactivated subscribes again. Returns the subscriber."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    action = (
        ConsentAction.UPDATE
        if subscriber.state == SubscriberState.ACTIVE
        else ConsentAction.SUBSCRIBE
    )
    _activate(subscriber, timezone.now())
    apply_choices(subscriber, choices)
    Consent.objects.create(
        subscriber=subscriber,
        action=action,
        choices=choices,
        source="manage",
        wording=wording,
        language=choices.get("language") or subscriber.language,
    )
    return subscriber


@transaction.atomic
def unsubscribe(subscriber, source):
    """Nothing more is sent; the address stays, so that no one signs it up unawares."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == SubscriberState.UNSUBSCRIBED:
        return subscriber
    subscriber.state = SubscriberState.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["state", "unsubscribed_at"])
    subscriber.requests.filter(used_at__isnull=True).update(used_at=timezone.now())
    Consent.objects.create(
        subscriber=subscriber,
        action=ConsentAction.UNSUBSCRIBE,
        choices=choices_of(subscriber),
        source=source,
        language=subscriber.language,
    )
    return subscriber
