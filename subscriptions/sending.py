"""``send_digests``: press alerts and weekly digests, each page once to each subscriber.

For each subscriber due, a short transaction *claims* the e-mail: it locks the subscriber's
row (PostgreSQL; skipped when another run holds it), checks that no other message to them
is being sent, works out the items and records a message "being sent" with one delivery per
page (unique per subscriber and page: a second run cannot record them again). Then the
e-mail goes out through Django's e-mail backend, and the message is marked sent and the
subscriber's cursor moves on. So a second run sends nothing new, two runs at once send each
e-mail once, and a run that stops half-way (an error, an interruption) gives back the claim
it was sending: the next run sends exactly what was left. A run killed outright between
the claim and the server's answer leaves a claim that the next runs leave alone until
``SUBSCRIPTIONS_CLAIM_MINUTES`` have passed, then take up again (that one e-mail may then
arrive twice if the server had taken it; none is lost).

The server's refusals are recorded on the message and logged: a permanent one (5xx) for
the recipient deactivates the address; a temporary one (4xx) leaves the e-mail for the next
run; a lost connection ends the batch. E-mails go by batches of
``SUBSCRIPTIONS_BATCH_SIZE`` on one connection, with ``SUBSCRIPTIONS_BATCH_PAUSE`` seconds
between batches.
"""

import datetime
import logging
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Min, Q
from django.utils import timezone

from news import listings as news_listings
from subscriptions import mail, tokens
from subscriptions.models import (
    Delivery,
    Frequency,
    Message,
    MessageKind,
    MessageStatus,
    SendRun,
    Subscriber,
    SubscriberState,
)
from subscriptions.selection import pending_items

logger = logging.getLogger(__name__)

# Cursors move to the claim's time less this margin: a page whose publication was being
# committed while the items were read is not missed (deliveries keep it from going twice).
CURSOR_MARGIN = datetime.timedelta(hours=1)


class ConnectionTrouble(Exception):
    """The mail server went away: the rest of the batch waits for the next run."""


def digest_slot(now):
    """The latest weekly sending time at or before ``now`` (``SUBSCRIPTIONS_DIGEST_WEEKDAY``,
    0 is Monday, at ``SUBSCRIPTIONS_DIGEST_HOUR`` o'clock, local time)."""
    local = timezone.localtime(now)
    days_back = (local.weekday() - settings.SUBSCRIPTIONS_DIGEST_WEEKDAY) % 7
    slot = (local - datetime.timedelta(days=days_back)).replace(
        hour=settings.SUBSCRIPTIONS_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    if slot > local:
        slot -= datetime.timedelta(days=7)
    return slot


@dataclass
class Claim:
    subscriber: Subscriber
    message: Message
    items: list
    alert: bool


@dataclass
class Outcome:
    sent: int = 0
    refused: int = 0
    failed: int = 0


def recover_stale_claims(now):
    """Give back the claims of runs that were killed (older than the claim timeout)."""
    limit = now - datetime.timedelta(minutes=settings.SUBSCRIPTIONS_CLAIM_MINUTES)
    stale = Message.objects.filter(status=MessageStatus.SENDING, claimed_at__lt=limit)
    for message in stale:
        _give_back(message, None, "interrupted: the sending run stopped")
        logger.warning("send_digests: message %s was interrupted; sent again", message.pk)


def purge_unconfirmed(now):
    """Forget the addresses whose sign-up was never confirmed (every link has expired)."""
    limit = now - tokens.CONFIRMATION_MAX_AGE
    Subscriber.objects.filter(state=SubscriberState.PENDING, confirmed_at__isnull=True).exclude(
        requests__created_at__gt=limit
    ).delete()


def _alert_subscriber_ids():
    candidates = Subscriber.objects.active().filter(
        press_releases=True, frequency=Frequency.IMMEDIATE
    )
    oldest = candidates.aggregate(oldest=Min("alerts_since"), oldest_confirmed=Min("confirmed_at"))
    since = min(filter(None, [oldest["oldest"], oldest["oldest_confirmed"]]), default=None)
    if since is None:
        return []
    if not news_listings.press_releases().filter(first_published_at__gt=since).exists():
        return []  # nothing new: the usual case, one query a run
    return list(candidates.order_by("pk").values_list("pk", flat=True))


def _digest_subscriber_ids(slot):
    return list(
        Subscriber.objects.active()
        .filter(confirmed_at__lt=slot)
        .filter(Q(digest_slot__isnull=True) | Q(digest_slot__lt=slot))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def claim(subscriber_id, *, alert, now, slot, run):
    """Record the next e-mail to a subscriber as being sent, or None if there is none to
    send now (nothing new, not due, or another run is on it)."""
    try:
        with transaction.atomic():
            subscriber = (
                Subscriber.objects.select_for_update(skip_locked=True)
                .filter(pk=subscriber_id, state=SubscriberState.ACTIVE)
                .first()
            )
            if subscriber is None:
                return None
            if Message.objects.filter(subscriber=subscriber, status=MessageStatus.SENDING).exists():
                return None
            if alert:
                if not subscriber.wants_alerts:
                    return None
                since = subscriber.alerts_since or subscriber.confirmed_at
            else:
                if subscriber.digest_slot is not None and subscriber.digest_slot >= slot:
                    return None
                since = subscriber.digest_since or subscriber.confirmed_at
            items = pending_items(subscriber, alert=alert, since=since, until=now)
            if not items:
                if not alert:
                    subscriber.digest_slot = slot
                    subscriber.digest_since = now - CURSOR_MARGIN
                    subscriber.save(update_fields=["digest_slot", "digest_since"])
                return None
            message = Message.objects.create(
                run=run,
                subscriber=subscriber,
                kind=MessageKind.ALERT if alert else MessageKind.DIGEST,
                status=MessageStatus.SENDING,
                language=subscriber.language,
                item_count=len(items),
                claimed_at=now,
            )
            Delivery.objects.bulk_create(
                Delivery(
                    subscriber=subscriber,
                    message=message,
                    translation_key=item.translation_key,
                    page_id=item.page.pk,
                )
                for item in items
            )
    except (IntegrityError, OperationalError) as error:
        # Another run recorded these deliveries first, or holds the database (SQLite).
        logger.info("send_digests: subscriber %s left to another run (%s)", subscriber_id, error)
        return None
    return Claim(subscriber=subscriber, message=message, items=items, alert=alert)


def _give_back(message, code, response):
    """The message was not sent: free its pages for the next run."""
    with transaction.atomic():
        message.deliveries.all().delete()
        message.status = MessageStatus.FAILED
        message.smtp_code = code
        message.smtp_response = (response or "")[:500]
        message.save(update_fields=["status", "smtp_code", "smtp_response"])


def _refused(message, code, response):
    """A permanent refusal of the address: the message is logged, the address deactivated."""
    with transaction.atomic():
        message.deliveries.all().delete()
        message.status = MessageStatus.REFUSED
        message.smtp_code = code
        message.smtp_response = (response or "")[:500]
        message.save(update_fields=["status", "smtp_code", "smtp_response"])
        Subscriber.objects.filter(pk=message.subscriber_id).update(
            state=SubscriberState.BOUNCED, deactivated_at=timezone.now()
        )
    logger.warning(
        "send_digests: the server refused message %s for good (%s %s): address deactivated",
        message.pk,
        code,
        response,
    )


def _sent(claim, now, slot):
    message, subscriber = claim.message, claim.subscriber
    with transaction.atomic():
        message.status = MessageStatus.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["status", "sent_at"])
        if claim.alert:
            Subscriber.objects.filter(pk=subscriber.pk).update(alerts_since=now - CURSOR_MARGIN)
        else:
            Subscriber.objects.filter(pk=subscriber.pk).update(
                digest_since=now - CURSOR_MARGIN, digest_slot=slot
            )


def _text(value):
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def deliver(connection, claim, now, slot, outcome):
    """Send a claimed e-mail and record what the server said."""
    message = claim.message
    try:
        email = mail.digest(claim.subscriber, claim.items, alert=claim.alert)
        connection.send_messages([email])
    except smtplib.SMTPRecipientsRefused as error:
        code, response = next(iter(error.recipients.values()))
        if 500 <= code < 600:
            _refused(message, code, _text(response))
            outcome.refused += 1
        else:
            _give_back(message, code, _text(response))
            logger.warning("send_digests: message %s deferred (%s %s)", message.pk, code, response)
            outcome.failed += 1
    except smtplib.SMTPResponseException as error:
        _give_back(message, error.smtp_code, _text(error.smtp_error))
        logger.warning(
            "send_digests: message %s not sent (%s %s)",
            message.pk,
            error.smtp_code,
            error.smtp_error,
        )
        outcome.failed += 1
        if error.smtp_code == 421:
            raise ConnectionTrouble(str(error)) from error
    except (smtplib.SMTPException, OSError) as error:
        _give_back(message, None, str(error))
        outcome.failed += 1
        raise ConnectionTrouble(str(error)) from error
    except BaseException:
        _give_back(message, None, "interrupted")
        raise
    else:
        _sent(claim, now, slot)
        outcome.sent += 1


def _batches(jobs, size):
    for start in range(0, len(jobs), size):
        yield jobs[start : start + size]


def send_digests(*, batch_size=None, pause=None, now=None):
    """One run: the press alerts, then the weekly digests that are due. Returns the run."""
    batch_size = batch_size or settings.SUBSCRIPTIONS_BATCH_SIZE
    pause = settings.SUBSCRIPTIONS_BATCH_PAUSE if pause is None else pause
    now = now or timezone.now()
    slot = digest_slot(now)
    run = SendRun.objects.create(started_at=now)
    outcome = Outcome()
    recover_stale_claims(now)
    purge_unconfirmed(now)
    jobs = [(pk, True) for pk in _alert_subscriber_ids()]
    jobs += [(pk, False) for pk in _digest_subscriber_ids(slot)]
    try:
        for number, batch in enumerate(_batches(jobs, batch_size)):
            if number and pause:
                time.sleep(pause)
            try:
                connection = get_connection()
                connection.open()
            except (smtplib.SMTPException, OSError) as error:
                raise ConnectionTrouble(str(error)) from error
            try:
                for subscriber_id, alert in batch:
                    found = claim(subscriber_id, alert=alert, now=now, slot=slot, run=run)
                    if found is not None:
                        deliver(connection, found, now, slot, outcome)
            finally:
                connection.close()
    except ConnectionTrouble as error:
        logger.error("send_digests: the mail server went away (%s); the rest waits", error)
    finally:
        run.sent, run.refused, run.failed = outcome.sent, outcome.refused, outcome.failed
        run.finished_at = timezone.now()
        run.save(update_fields=["sent", "refused", "failed", "finished_at"])
    return run
