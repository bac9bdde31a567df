"""Filtered, paginated listings of news, press releases and events, given what to list.

Filters arrive as GET parameters and go through a Django form: a value the form does not
accept (unknown region, theme or kind, a year that is not a number) gives an empty list
and a message, never a server error. ``page`` is read apart from the filters: a page number
that is not a number gives the same empty list and message; a number past the end shows
the last page (``Paginator.get_page``). The pages to list come from the caller (the news
models' managers), so this module sits below ``news.models``.
"""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.models import ThemeCode
from core.pagination import paginate
from core.tree import region_pages
from news.kinds import NewsKind

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 10
PRESS_PER_PAGE = 10


def _region_choices(locale):
    regions = region_pages().live().public().in_locale(locale).order_by("title")
    return [("", _("All regions"))] + [(r.slug, r.title) for r in regions]


def _theme_choices():
    return [("", _("All chantiers"))] + list(ThemeCode.choices)


def _year_choices(queryset, field):
    # The years go through every item of the listing: kept until the next change.
    years = remember(
        f"years:{field}:{queryset.query}",
        lambda: [d.year for d in queryset.dates(field, "year", order="DESC")],
    )
    return [("", _("All years"))] + [(str(year), str(year)) for year in years]


class ListingFilterForm(forms.Form):
    """Base of the filter forms: fields that a page fixes (``omit``) are dropped."""

    def __init__(self, data, *, locale, omit=(), **kwargs):
        super().__init__(data, **kwargs)
        self.locale = locale
        for name in omit:
            self.fields.pop(name, None)
        if "region" in self.fields:
            self.fields["region"].choices = _region_choices(locale)

    def clean_region(self):
        slug = self.cleaned_data.get("region")
        if not slug:
            return None
        return region_pages().live().public().filter(locale=self.locale, slug=slug).first()

    def filters(self):
        """The cleaned values as keyword arguments of the listing query."""
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)

    @property
    def active_count(self):
        """How many filters are set: shown on the folded "Filter" disclosure."""
        return sum(1 for name in self.fields if self.data.get(name))


class NewsFilterForm(ListingFilterForm):
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Chantier"), required=False, choices=_theme_choices)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, locale, news, omit=(), **kwargs):
        super().__init__(data, locale=locale, omit=omit, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].choices = [("", _("All kinds"))] + list(NewsKind.choices)
        if "year" in self.fields:
            self.fields["year"].choices = _year_choices(news.published(locale), "date")


class PressFilterForm(ListingFilterForm):
    q = forms.CharField(label=_("Keyword"), required=False, max_length=200)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, locale, news, omit=(), **kwargs):
        super().__init__(data, locale=locale, omit=omit, **kwargs)
        self.fields["year"].choices = _year_choices(
            news.published(locale).filter(kind=NewsKind.PRESS_RELEASE), "date"
        )

    def clean_q(self):
        return self.cleaned_data["q"].strip()


class EventFilterForm(ListingFilterForm):
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Chantier"), required=False, choices=_theme_choices)


def listing_names(prefix):
    """The context names ``_listing_context`` gives, for ``core.fragments.lazy_items``."""
    return (f"{prefix}_form", f"{prefix}_page", f"{prefix}_error")


def _listing_context(request, form, items, per_page, prefix):
    """What a listing template needs, under names that start with ``prefix``."""
    if form.is_valid():
        page_obj, page_error = paginate(request, items(form.filters()), per_page)
        error = page_error
    else:
        page_obj, error = None, _("These filters are not valid: nothing matches them.")
    return {
        f"{prefix}_form": form,
        f"{prefix}_page": page_obj,
        f"{prefix}_error": error,
    }


def filtered_news(request, locale, news, *, region=None, theme=None, omit=()):
    """The news listing of the national index, a region or a national chantier.

    ``news`` is ``NewsPage.objects``."""
    form = NewsFilterForm(request.GET, locale=locale, news=news, omit=omit)

    def items(filters):
        return news.listing(
            locale=locale,
            region=filters.get("region", region),
            theme=filters.get("theme", theme),
            kind=filters.get("kind"),
            year=filters.get("year"),
        )

    return _listing_context(request, form, items, NEWS_PER_PAGE, "news")


def filtered_press(request, locale, news):
    """Press releases, newest first, by keyword, region and year (``news``: ``NewsPage.objects``).

    The keyword goes through the site's search backend (``PageQuerySet.search``) so that a
    journalist finds a release by any word of its text, as in the site search. The hits
    (press releases of the language: a short list) then narrow the database query that
    applies the other filters and the order, which a search backend cannot all express.
    """
    form = PressFilterForm(request.GET, locale=locale, news=news)

    def items(filters):
        qs = news.published(locale).filter(kind=NewsKind.PRESS_RELEASE)
        if filters.get("region"):
            qs = qs.in_region(filters["region"])
        if filters.get("year"):
            year = filters["year"]
            qs = qs.filter(
                date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1)
            )
        if filters.get("q"):
            hits = (
                news.live()
                .filter(locale=locale, kind=NewsKind.PRESS_RELEASE)
                .search(filters["q"], operator="and")
            )
            qs = qs.filter(pk__in=[hit.pk for hit in hits])
        return (
            qs.select_related("image", "locale", "pdf")
            .prefetch_related("themes")
            .order_by("-date", "-first_published_at", "-pk")
        )

    return _listing_context(request, form, items, PRESS_PER_PAGE, "press")


def filtered_events(request, locale, events, *, past=False):
    """The agenda: upcoming events (or past ones), by region and theme (``EventPage.objects``)."""
    form = EventFilterForm(request.GET, locale=locale)

    def items(filters):
        method = events.past if past else events.upcoming
        return method(locale=locale, region=filters.get("region"), theme=filters.get("theme"))

    return _listing_context(request, form, items, EVENTS_PER_PAGE, "events")
