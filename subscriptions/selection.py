"""What a subscriber is sent: the pages first published since their last e-mail that match
their choices, in their language, none they already received.

A page matches when it sits in a followed region (any language's copy), carries a followed
chantier, is national news (under a news index) or, for those who asked, is a press
release; events come when asked, from the followed regions and chantiers (and the agenda
with national news), or all of them for someone who follows none. Only live, public pages:
a press release under embargo is not live until ``publish_scheduled`` reaches its time.
Each page goes in the subscriber's language, or in French when that language has no
translation of it yet (``Item.foreign``); a page and its translations count as one
(``translation_key``), so that a translation published later is not sent again.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from core.i18n import real_translation_q
from core.tree import attach_regions
from news import listings as news_listings
from news.kinds import NewsKind
from regions.models import RegionPage
from subscriptions.models import Delivery, Frequency


@dataclass
class Item:
    page: object
    is_event: bool
    foreign: str  # the language code of a page not in the subscriber's language, else ""

    @property
    def translation_key(self):
        return self.page.translation_key


def _under(paths):
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def _region_paths(subscriber):
    keys = subscriber.regions.values_list("translation_key", flat=True)
    return list(RegionPage.objects.filter(translation_key__in=keys).values_list("path", flat=True))


def news_scope(subscriber, *, press, others, region_paths, sections):
    """Q of the news a subscriber wants: ``press`` for press releases, ``others`` for the
    rest of their choices."""
    condition = Q(pk__in=[])
    if others:
        condition |= _under(region_paths)
        themes = [theme.code for theme in subscriber.themes.all()]
        if themes:
            condition |= Q(themes__in=themes)
        if subscriber.national_news:
            condition |= _under(sections["news"])
    if press and subscriber.press_releases:
        condition |= Q(kind=NewsKind.PRESS_RELEASE)
    return condition


def event_scope(subscriber, *, region_paths, sections):
    if not subscriber.events:
        return None
    themes = [theme.code for theme in subscriber.themes.all()]
    if not (region_paths or themes or subscriber.national_news):
        return Q()
    condition = _under(region_paths)
    if themes:
        condition |= Q(themes__in=themes)
    if subscriber.national_news:
        condition |= _under(sections["agenda"])
    return condition


def _in_language(queryset, language, delivered):
    languages = {language, settings.LANGUAGE_CODE}
    return (
        queryset.filter(real_translation_q(), locale__language_code__in=languages)
        .exclude(translation_key__in=delivered)
        .distinct()
    )


def _one_per_translation(pages, language):
    """Each page once, in ``language`` where there is such a translation."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return [page for page in pages if chosen[page.translation_key] is page]


def pending_items(subscriber, *, alert, since, until):
    """The items of the subscriber's next e-mail: a press alert (``alert``: the press
    releases alone) or the weekly digest (everything else they chose)."""
    region_paths = _region_paths(subscriber)
    sections = news_listings.section_paths()
    delivered = Delivery.objects.filter(subscriber=subscriber).values("translation_key")
    language = subscriber.language
    if alert:
        press, others = True, False
    else:
        press, others = subscriber.frequency == Frequency.WEEKLY, True

    items = []
    scope = news_scope(
        subscriber, press=press, others=others, region_paths=region_paths, sections=sections
    )
    news = _in_language(
        news_listings.news_first_published(since, until).filter(scope), language, delivered
    )
    items += [(page, False) for page in _one_per_translation(list(news), language)]
    if not alert:
        scope = event_scope(subscriber, region_paths=region_paths, sections=sections)
        if scope is not None:
            events = _in_language(
                news_listings.events_first_published(since, until).filter(scope),
                language,
                delivered,
            )
            items += [(page, True) for page in _one_per_translation(list(events), language)]
    attach_regions([page for page, _ in items])
    return [
        Item(
            page=page,
            is_event=is_event,
            foreign="" if page.locale.language_code == language else page.locale.language_code,
        )
        for page, is_event in items
    ]
