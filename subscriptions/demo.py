"""``load_demo_content``: a few confirmed subscribers (fictional ``example.org`` addresses),
so that the admin's list, the coordinators' counts and ``send_digests`` have someone."""

from django.db import transaction
from django.utils import timezone

from subscriptions.forms import CONSENT_WORDING
from subscriptions.models import Consent, ConsentAction, Frequency, Subscriber, SubscriberState
from subscriptions.signup import apply_choices

DEMO_SUBSCRIBERS = [
    {
        "email": "adherente.picardie@example.org",
        "language": "fr",
        "regions": ["picardie"],
        "themes": [],
        "national_news": False,
        "press_releases": False,
        "events": True,
        "frequency": Frequency.WEEKLY,
    },
    {
        "email": "redaction.economie@example.org",
        "language": "fr",
        "regions": [],
        "themes": [],
        "national_news": True,
        "press_releases": True,
        "events": False,
        "frequency": Frequency.IMMEDIATE,
    },
    {
        "email": "partner.network@example.org",
        "language": "en",
        "regions": [],
        "themes": ["cooperation"],
        "national_news": True,
        "press_releases": False,
        "events": True,
        "frequency": Frequency.WEEKLY,
    },
]


@transaction.atomic
def add_demo_subscriptions(demo):
    for item in DEMO_SUBSCRIBERS:
        if Subscriber.objects.filter(email=item["email"]).exists():
            continue
        now = timezone.now()
        subscriber = Subscriber.objects.create(
            email=item["email"],
            language=item["language"],
            state=SubscriberState.ACTIVE,
            confirmed_at=now,
            digest_since=now,
            alerts_since=now,
        )
        regions = [demo.regions[slug] for slug in item["regions"] if slug in demo.regions]
        choices = {
            **{key: item[key] for key in ("themes", "national_news", "press_releases", "events")},
            "frequency": item["frequency"],
            "language": item["language"],
            "regions": [str(region.translation_key) for region in regions],
        }
        apply_choices(subscriber, choices)
        Consent.objects.create(
            subscriber=subscriber,
            action=ConsentAction.SUBSCRIBE,
            choices=choices,
            source="demo",
            wording=str(CONSENT_WORDING),
            language=item["language"],
        )
        demo.note(subscriber)
