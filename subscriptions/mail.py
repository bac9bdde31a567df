"""The e-mails: a plain-text part and an HTML part in the site's look, in the recipient's
language, every link and image absolute.

The HTML templates under ``templates/subscriptions/email/`` carry their CSS inline: they
are built from ``subscriptions/emails/`` by ``manage.py build_email_templates`` (css-inline),
and committed; a test checks they are up to date. Every e-mail to a subscriber links to the
manage page and carries the one-click unsubscribe headers of RFC 8058.
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from subscriptions import tokens

EMAIL_IMAGE_FILTER = "fill-1072x603"
LOGO = "subscriptions/email-logo.png"


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(url):
    return urljoin(base_url() + "/", url)


def list_id():
    host = urlsplit(base_url()).hostname or "localhost"
    return f"<news.{host}>"


def subscriber_links(subscriber):
    """The manage and unsubscribe URLs of a subscriber, in their language."""
    token = tokens.subscriber_token(subscriber)
    with translation.override(subscriber.language):
        return {
            "manage_url": absolute(reverse("subscriptions:manage", args=[token])),
            "unsubscribe_url": absolute(reverse("subscriptions:unsubscribe", args=[token])),
        }


def _common_context(language):
    return {
        "language": language,
        "site_url": absolute(f"/{language}/"),
        "logo_url": absolute(static(LOGO)),
    }


def build(template, context, *, to, language, subject, headers=None):
    """A multipart message (text, then HTML) from ``<template>.txt`` and ``.html``."""
    context = {**_common_context(language), **context, "subject": subject}
    with translation.override(language):
        text = render_to_string(f"subscriptions/email/{template}.txt", context)
        html = render_to_string(f"subscriptions/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def to_subscriber(subscriber, template, context, subject):
    """A message to a subscriber: manage link in the body, one-click unsubscribe headers."""
    links = subscriber_links(subscriber)
    headers = {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id(),
        "Auto-Submitted": "auto-generated",
        "Precedence": "bulk",
    }
    return build(
        template,
        {**context, **links, "subscriber": subscriber},
        to=subscriber.email,
        language=subscriber.language,
        subject=subject,
        headers=headers,
    )


# --- Confirmation ------------------------------------------------------------------------


def confirmation(signup_request, summary):
    with translation.override(signup_request.language):
        url = absolute(
            reverse("subscriptions:confirm", args=[tokens.confirmation_token(signup_request)])
        )
        subject = _("Confirm your subscription to the ESS Movement's e-mails")
    return build(
        "confirmation",
        {"confirm_url": url, "summary": summary},
        to=signup_request.subscriber.email,
        language=signup_request.language,
        subject=subject,
    )


# --- Digests and alerts ------------------------------------------------------------------


def _image_url(page):
    image = getattr(page, "image", None)
    if image is None:
        return ""
    rendition = image.get_rendition(EMAIL_IMAGE_FILTER)
    return absolute(rendition.url)


def _date(value):
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
        return formats.date_format(value, "j F Y, H:i")
    return formats.date_format(value, "j F Y")


def describe_item(item):
    """What an e-mail shows of a page, as plain values (both parts use them)."""
    page = item.page
    region = getattr(page, "region", None)
    if item.is_event:
        kind = page.get_kind_display()
        when = _date(page.start)
        place = page.place_name or page.city
    else:
        kind = page.get_kind_display()
        when = _date(page.date)
        place = ""
    foreign = item.foreign
    return {
        "title": page.title,
        "url": page.get_full_url(),
        "kind": kind,
        "when": when,
        "place": place,
        "region": region.title if region else "",
        "intro": page.intro,
        "image_url": _image_url(page),
        "lang": foreign or translation.get_language(),
        "foreign_note": (
            _("in %(language)s") % {"language": get_language_info(foreign)["name_translated"]}
            if foreign
            else ""
        ),
    }


def _groups(items):
    press = [i for i in items if not i.is_event and i.page.kind == "press_release"]
    news = [i for i in items if not i.is_event and i.page.kind != "press_release"]
    events = [i for i in items if i.is_event]
    groups = []
    for title, group in ((_("Press releases"), press), (_("News"), news), (_("Events"), events)):
        if group:
            groups.append({"title": title, "items": [describe_item(i) for i in group]})
    return groups


def _prefetch_images(items):
    pages = [item.page for item in items if getattr(item.page, "image_id", None)]
    images = get_image_model().objects.filter(pk__in={p.image_id for p in pages})
    by_pk = {image.pk: image for image in images.prefetch_renditions(EMAIL_IMAGE_FILTER)}
    for page in pages:
        page.image = by_pk.get(page.image_id)


def digest(subscriber, items, *, alert):
    """The weekly digest, or a press alert (``alert``), for ``items``."""
    _prefetch_images(items)
    with translation.override(subscriber.language):
        if alert and len(items) == 1:
            subject = _("Press release: %(title)s") % {"title": items[0].page.title}
        elif alert:
            subject = _("%(count)d new press releases from the ESS Movement") % {
                "count": len(items)
            }
        else:
            subject = ngettext(
                "Your week with the ESS Movement: %(count)d new item",
                "Your week with the ESS Movement: %(count)d new items",
                len(items),
            ) % {"count": len(items)}
        context = {
            "alert": alert,
            "heading": _("Press alert") if alert else _("What's new this week"),
            "groups": _groups(items),
            "preheader": items[0].page.title,
        }
    return to_subscriber(subscriber, "digest", context, subject)


# --- Embargo preview links -----------------------------------------------------------------


def preview_link(link, url, language, embargo_until):
    """The e-mail that gives a journalist their embargo preview link."""
    page = link.page
    with translation.override(language):
        subject = _("Under embargo: %(title)s") % {"title": page.title}
        context = {
            "link": link,
            "title": page.title,
            "preview_url": url,
            "embargo_until": _date(embargo_until) if embargo_until else "",
            "expires": _date(link.expires_at),
        }
    return build("preview_link", context, to=link.email, language=language, subject=subject)
