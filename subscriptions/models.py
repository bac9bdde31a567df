"""Subscribers and what they chose, the consent they gave, what was sent to whom, and the
embargo preview links of the press desk (docs/subscriptions.md)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(24)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Once a week")
    IMMEDIATE = "immediate", _("As it happens (press releases; the rest once a week)")


class SubscriberState(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Active")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCED = "bounced", _("Deactivated: the address was refused")


def describe_choices(*, regions, themes, national_news, press_releases, events, frequency):
    """What a subscriber receives, as lines for people (pages, e-mails, the admin)."""
    lines = []
    if regions:
        names = ", ".join(sorted(region.title for region in regions))
        lines.append(_("News of the regions: %(names)s") % {"names": names})
    if themes:
        names = ", ".join(str(theme.label) for theme in themes)
        lines.append(_("News of the chantiers: %(names)s") % {"names": names})
    if national_news:
        lines.append(_("National news"))
    if press_releases:
        if frequency == Frequency.IMMEDIATE:
            lines.append(_("Press releases, as soon as they are published"))
        else:
            lines.append(_("Press releases"))
    if events:
        lines.append(_("Events"))
    return [str(line) for line in lines]


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state=SubscriberState.ACTIVE)

    def following_region(self, region):
        """Subscribers following ``region`` (any language's copy of it)."""
        return self.filter(regions__translation_key=region.translation_key)


class Subscriber(models.Model):
    """One address, stored once and normalised (``addresses.normalise``), and its choices."""

    email = models.CharField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SubscriberState.choices,
        default=SubscriberState.PENDING,
        db_index=True,
    )
    # What they follow. Regions are the default language's copies (a choice made on the
    # English site is stored as the French region it translates).
    regions = models.ManyToManyField(
        "regions.RegionPage", verbose_name=_("regions"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        "core.Theme", verbose_name=_("chantiers"), blank=True, related_name="+"
    )
    national_news = models.BooleanField(_("national news"), default=False)
    press_releases = models.BooleanField(_("press releases"), default=False)
    events = models.BooleanField(_("events"), default=False)
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    # The secret in the links of every e-mail (manage, unsubscribe): signed, never shown.
    key = models.CharField(max_length=64, default=new_key, unique=True, editable=False)

    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)
    # Sending cursors (subscriptions.sending): what was published after them is new.
    digest_since = models.DateTimeField(null=True, blank=True, editable=False)
    digest_slot = models.DateTimeField(null=True, blank=True, editable=False)
    alerts_since = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.state == SubscriberState.ACTIVE

    @property
    def wants_alerts(self):
        return self.press_releases and self.frequency == Frequency.IMMEDIATE

    @property
    def choices_summary(self):
        return "; ".join(
            describe_choices(
                regions=list(self.regions.all()),
                themes=list(self.themes.all()),
                national_news=self.national_news,
                press_releases=self.press_releases,
                events=self.events,
                frequency=self.frequency,
            )
        )

    @property
    def wants_digest(self):
        """Whether anything comes once a week (everything but immediate press alerts)."""
        return bool(
            self.national_news
            or self.events
            or (self.press_releases and self.frequency == Frequency.WEEKLY)
            or self.regions.exists()
            or self.themes.exists()
        )


class SignupRequest(models.Model):
    """A sign-up (or a change of choices by a second sign-up) waiting for the link in its
    confirmation e-mail: nothing changes for the subscriber until it is followed."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="requests")
    key = models.CharField(max_length=64, default=new_key, unique=True, editable=False)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    choices = models.JSONField(default=dict)
    source = models.CharField(_("form"), max_length=100)
    wording = models.TextField(_("wording shown"))
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ConsentAction(models.TextChoices):
    SUBSCRIBE = "subscribe", _("Subscribed (confirmed)")
    UPDATE = "update", _("Changed their choices")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribed")


class Consent(models.Model):
    """The consent record: what was agreed to, when, from which form, with which wording."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    choices = models.JSONField(_("choices"), default=dict)
    source = models.CharField(_("form"), max_length=100)
    wording = models.TextField(_("wording shown"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")


class MessageKind(models.TextChoices):
    DIGEST = "digest", _("Weekly digest")
    ALERT = "alert", _("Press alert")


class MessageStatus(models.TextChoices):
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, to be tried again")
    REFUSED = "refused", _("Refused by the server")


class SendRun(models.Model):
    """One run of ``send_digests``: its counts stay when subscribers are erased."""

    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    refused = models.PositiveIntegerField(_("refused"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("sending run")
        verbose_name_plural = _("sending runs")


class Message(models.Model):
    """One e-mail of a digest or an alert to one subscriber: the send log.

    A message being sent is the claim on its subscriber (``subscriptions.sending``); its
    deliveries say which pages it carried, so that none goes twice.
    """

    run = models.ForeignKey(SendRun, null=True, on_delete=models.SET_NULL, related_name="messages")
    # Erasing a subscriber keeps the line (and so the counts) without the address.
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=MessageStatus.choices, db_index=True
    )
    language = models.CharField(_("language"), max_length=10)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    claimed_at = models.DateTimeField(_("prepared"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    smtp_code = models.PositiveIntegerField(_("server code"), null=True, blank=True)
    smtp_response = models.CharField(_("server answer"), max_length=500, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("send log")

    def __str__(self):
        return f"{self.get_kind_display()} {self.claimed_at:%Y-%m-%d %H:%M}"

    @property
    def recipient(self):
        return self.subscriber.email if self.subscriber else _("(erased)")


class Delivery(models.Model):
    """A page (all its translations: ``translation_key``) carried to a subscriber."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    translation_key = models.UUIDField()
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "translation_key"], name="subscriptions_delivered_once"
            )
        ]


class Erasure(models.Model):
    """An address erased on request: only the date and the count are kept."""

    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class PreviewLink(models.Model):
    """A named journalist's link to an embargoed press release, before it goes live."""

    page = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    journalist_name = models.CharField(_("journalist"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200)
    email = models.EmailField(_("journalist's e-mail"))
    key = models.CharField(max_length=64, default=new_key, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("embargo preview link")
        verbose_name_plural = _("embargo preview links")

    def __str__(self):
        return f"{self.journalist_name} ({self.outlet})"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def state_label(self):
        if self.is_revoked:
            return _("Revoked")
        if self.is_expired:
            return _("Expired")
        return _("Valid")


class PreviewOpening(models.Model):
    """One opening of a preview link."""

    link = models.ForeignKey(PreviewLink, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
