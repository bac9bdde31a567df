"""Signed tokens in the links the site e-mails (``django.core.signing``).

- confirmation: a sign-up request's key, valid 48 hours, single use (the request records
  its use);
- subscriber: the subscriber's key, in every e-mail's manage and unsubscribe links (no
  expiry: an old e-mail's unsubscribe link keeps working);
- preview: an embargo preview link's key (its expiry and revocation are the link's).

A token that was forged, altered or expired gives no key, never an exception.
"""

import datetime

from django.core import signing

CONFIRMATION_MAX_AGE = datetime.timedelta(hours=48)
_CONFIRM = "subscriptions.confirm"
_SUBSCRIBER = "subscriptions.subscriber"
_PREVIEW = "subscriptions.preview"


def confirmation_token(signup_request):
    return signing.TimestampSigner(salt=_CONFIRM).sign(signup_request.key)


def confirmation_key(token):
    """``(key, None)``, or ``(None, "expired")`` or ``(None, "invalid")``."""
    try:
        return signing.TimestampSigner(salt=_CONFIRM).unsign(
            token, max_age=CONFIRMATION_MAX_AGE
        ), None
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"


def subscriber_token(subscriber):
    return signing.Signer(salt=_SUBSCRIBER).sign(subscriber.key)


def subscriber_key(token):
    try:
        return signing.Signer(salt=_SUBSCRIBER).unsign(token)
    except signing.BadSignature:
        return None


def preview_token(link):
    return signing.Signer(salt=_PREVIEW).sign(link.key)


def preview_key(token):
    try:
        return signing.Signer(salt=_PREVIEW).unsign(token)
    except signing.BadSignature:
        return None
