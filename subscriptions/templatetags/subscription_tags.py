"""``{% subscribe_box scope %}``: the short sign-up form of a "Follow" box, with the choices
that fit the page it is on (``includes/subscribe_slot.html`` calls it), or a link to the
sign-up page where there is no page (the footer).

It reads only the page it is given (its type, slug, theme, translation key): no query, so
the pages that show it keep their query counts, and no CSRF token, so they stay cached.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from subscriptions.forms import CONSENT_WORDING
from subscriptions.models import Frequency

register = template.Library()


def _option(name, label, value="on", checked=True):
    return {"name": name, "value": value, "label": label, "checked": checked}


def scope_of(scope):
    """``(source, options, frequency)`` for a page of this type."""
    label = getattr(getattr(scope, "_meta", None), "label_lower", "")
    if label == "regions.regionpage":
        return (
            f"region:{scope.slug}",
            [
                _option(
                    "regions",
                    _("News of %(region)s") % {"region": scope.title},
                    value=str(scope.translation_key),
                ),
                _option("events", _("Its events")),
            ],
            Frequency.WEEKLY,
        )
    if label == "chantiers.chantierpage" and getattr(scope, "theme", None):
        return (
            f"chantier:{scope.theme}",
            [
                _option(
                    "themes",
                    _("News of the chantier “%(chantier)s”") % {"chantier": scope.title},
                    value=scope.theme,
                ),
                _option("events", _("Its events")),
            ],
            Frequency.WEEKLY,
        )
    if label == "news.pressroompage":
        return (
            "press",
            [_option("press_releases", _("Press releases, as soon as they are published"))],
            Frequency.IMMEDIATE,
        )
    if label == "news.newsindexpage":
        return "news", [_option("national_news", _("National news"))], Frequency.WEEKLY
    if label == "news.eventindexpage":
        return "agenda", [_option("events", _("Events of the agenda"))], Frequency.WEEKLY
    return (
        "home",
        [
            _option("national_news", _("National news")),
            _option("press_releases", _("Press releases"), checked=False),
            _option("events", _("Events"), checked=False),
        ],
        Frequency.WEEKLY,
    )


@register.inclusion_tag("subscriptions/includes/subscribe_box.html")
def subscribe_box(scope=None, title=True):
    action = reverse("subscriptions:subscribe")
    if not scope:  # the footer: no page
        return {"action": action, "link_only": True}
    source, options, frequency = scope_of(scope)
    query = {option["name"]: option["value"] for option in options if option["checked"]}
    if frequency != Frequency.WEEKLY:
        query["frequency"] = frequency
    return {
        "action": action,
        "more_url": f"{action}?{urlencode(query)}",
        "prefix": "subscribe-box",
        "source": source,
        "options": options,
        "frequency": frequency,
        "language": get_language(),
        "wording": CONSENT_WORDING,
        "title": title,
    }
