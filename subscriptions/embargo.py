"""Embargo preview links: which press releases are under embargo, who may give a journalist
a link to one, and what the link shows (the latest approved revision, scheduled for
publication: never a later draft)."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Revision

from news import listings as news_listings
from subscriptions import mail, tokens

CREATE_PERMISSION = "subscriptions.add_previewlink"
LINK_LIFE_AFTER_EMBARGO = datetime.timedelta(days=1)


def approved_revision(page):
    """The revision scheduled to go live (Wagtail marks it ``approved_go_live_at``)."""
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        .order_by("-created_at", "-pk")
        .first()
    )


def embargo_end(page):
    revision = approved_revision(page)
    return revision.approved_go_live_at if revision else None


def is_embargoed(page, now=None):
    end = embargo_end(page)
    return end is not None and end > (now or timezone.now())


def default_expiry(page):
    end = embargo_end(page)
    return end + LINK_LIFE_AFTER_EMBARGO if end else None


def embargoed_releases(user, now=None):
    """The press releases under embargo that ``user`` may publish, soonest first."""
    now = now or timezone.now()
    if not user.has_perm(CREATE_PERMISSION):
        return []
    scheduled = Revision.page_revisions.filter(approved_go_live_at__gt=now).values_list(
        "object_id", flat=True
    )
    releases = news_listings.press_releases().filter(pk__in=[int(pk) for pk in scheduled])
    return [
        page
        for page in releases.select_related("locale").order_by("go_live_at", "pk")
        if page.permissions_for_user(user).can_publish()
    ]


def may_link(user, page, now=None):
    """Whether ``user`` may give out a preview link to ``page``: press and national team
    (the permission), a press release under embargo, one they may publish."""
    return (
        user.has_perm(CREATE_PERMISSION)
        and getattr(page, "kind", None) == "press_release"
        and is_embargoed(page, now)
        and page.permissions_for_user(user).can_publish()
    )


def preview_url(link):
    with translation.override(link.page.locale.language_code):
        return mail.absolute(reverse("subscriptions:preview", args=[tokens.preview_token(link)]))
