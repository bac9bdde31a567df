"""The library's listing: filters, facet counts, sort and pages, in a fixed number of queries.

The filters arrive as GET parameters and go through a form; a value it does not accept (an
unknown kind, theme, region, year or language) gives an empty list and a message, never an
error page. The description of every published publication of the language (kind, region,
themes, year, language: two queries whatever their number) is read once; the filters, the
facet counts (each facet counted with the other facets' filters, as the site search does)
and the date order are worked out from it in Python; a text query is ranked by the search
backend; then only the publications of the page shown are fetched with their cards' joins.
"""

import dataclasses
import datetime

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import THEME_SHORT_LABELS, ThemeCode
from core.tree import REGION_DEPTH, attach_regions, region_pages
from library.kinds import DocumentLanguage, PublicationKind

PUBLICATIONS_PER_PAGE = 12
NATIONAL = "national"
#: Publications a text query ranks; more are not ranked usefully anyway.
MAX_SEARCH_RESULTS = 500
FACETS = ("kind", "theme", "region", "year", "language")
SORTS = (("date", _("Most recent")), ("relevance", _("Relevance")))


@dataclasses.dataclass(frozen=True)
class Described:
    """What the filters and facets need to know of one publication."""

    pk: int
    kind: str
    region: str
    themes: frozenset
    year: int
    language: str
    date: datetime.date

    def value(self, facet):
        return self.themes if facet == "theme" else getattr(self, facet)


def describe(model, locale):
    """Every published publication of ``locale``, described, newest first (2 queries), and
    the regions of the locale by slug (1 query)."""
    published = model.objects.published(locale)
    regions = {
        region.path: region
        for region in region_pages()
        .live()
        .public()
        .filter(locale=locale)
        .only("pk", "path", "slug", "title")
    }
    prefix = REGION_DEPTH * model.steplen
    rows = published.order_by("-date", "-pk").values_list(
        "pk", "path", "kind", "date", "document_language"
    )
    through = model.themes.through
    themes = {}
    for page_id, code in through.objects.filter(publicationpage__in=published).values_list(
        "publicationpage_id", "theme_id"
    ):
        themes.setdefault(page_id, set()).add(code)
    described = []
    for pk, path, kind, date, language in rows:
        region = regions.get(path[:prefix])
        described.append(
            Described(
                pk=pk,
                kind=kind,
                region=region.slug if region is not None else NATIONAL,
                themes=frozenset(themes.get(pk, ())),
                year=date.year,
                language=language,
                date=date,
            )
        )
    return described, sorted(regions.values(), key=lambda region: region.title)


def _matches(item, filters, skip=None):
    for facet, wanted in filters.items():
        if facet == skip:
            continue
        if facet == "theme":
            if wanted not in item.themes:
                return False
        elif item.value(facet) != wanted:
            return False
    return True


def facet_counts(items, filters):
    """For each facet, how many publications each of its values would give."""
    counts = {facet: {} for facet in FACETS}
    for item in items:
        for facet in FACETS:
            if not _matches(item, filters, skip=facet):
                continue
            values = item.themes if facet == "theme" else [item.value(facet)]
            for value in values:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts


def _with_count(label, count):
    return _("%(label)s (%(count)s)") % {"label": label, "count": count}


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Chantier"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language of the document"), required=False)
    sort = forms.ChoiceField(
        label=pgettext_lazy("listing order", "Sort by"), required=False, choices=SORTS
    )

    def __init__(self, data, *, items, regions, **kwargs):
        super().__init__(data, **kwargs)
        years = sorted({item.year for item in items}, reverse=True)
        self.fields["kind"].choices = [("", _("All kinds")), *PublicationKind.choices]
        self.fields["theme"].choices = [
            ("", _("All chantiers")),
            *((code, THEME_SHORT_LABELS[ThemeCode(code)]) for code in ThemeCode.values),
        ]
        self.fields["region"].choices = [
            ("", _("All regions")),
            (NATIONAL, _("National")),
            *((region.slug, region.title) for region in regions),
        ]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["language"].choices = [("", _("All languages")), *DocumentLanguage.choices]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filters(self):
        return {
            facet: self.cleaned_data[facet]
            for facet in FACETS
            if self.cleaned_data.get(facet) not in ("", None)
        }

    def show_counts(self, counts):
        """Give each option of a facet the number of publications it would list."""
        for facet in FACETS:
            field = self.fields[facet]
            field.choices = [
                (value, _with_count(label, counts[facet].get(value, 0)) if value != "" else label)
                for value, label in field.choices
            ]

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields if name != "sort")

    @property
    def active_count(self):
        return sum(1 for name in self.fields if name != "sort" and self.data.get(name))


def _page_number(request):
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if number >= 1 else None


def ranked_keys(model, locale, text):
    """Keys of the live publications of ``locale`` matching ``text``, best first."""
    results = model.objects.live().filter(locale=locale).search(text, operator="and")
    if hasattr(results, "pks"):  # the project's backends: the keys from one ranked query
        return results[:MAX_SEARCH_RESULTS].pks()
    return [page.pk for page in results[:MAX_SEARCH_RESULTS]]


# The context names of ``filtered_publications``.
LISTING_NAMES = ("library_form", "library_page", "library_error", "library_total")


def filtered_publications(request, locale, model):
    """What the library page lists (``model`` is ``PublicationPage``): the form with facet
    counts, a page of publications with their regions, the total, an error message."""
    items, regions = describe(model, locale)
    form = LibraryFilterForm(request.GET, items=items, regions=regions)
    context = {
        "library_form": form,
        "library_page": None,
        "library_error": None,
        "library_total": 0,
    }
    if not form.is_valid():
        form.show_counts(facet_counts(items, {}))
        context["library_error"] = _("These filters are not valid: nothing matches them.")
        return context
    number = _page_number(request)
    if number is None:
        form.show_counts(facet_counts(items, {}))
        context["library_error"] = _("This page number does not exist.")
        return context
    filters = form.filters()
    text = form.cleaned_data["q"]
    sort = form.cleaned_data["sort"] or ("relevance" if text else "date")
    if text:
        keys = ranked_keys(model, locale, text)
        by_pk = {item.pk: item for item in items}
        ranked = [by_pk[key] for key in keys if key in by_pk]
        if sort == "date":
            order = {item.pk: position for position, item in enumerate(items)}
            ranked.sort(key=lambda item: order[item.pk])
        items = ranked
    form.show_counts(facet_counts(items, filters))
    selected = [item.pk for item in items if _matches(item, filters)]
    page_obj = Paginator(selected, PUBLICATIONS_PER_PAGE).get_page(number)
    cards = {
        page.pk: page
        for page in model.objects.filter(pk__in=list(page_obj.object_list)).for_cards()
    }
    page_obj.object_list = attach_regions([cards[pk] for pk in page_obj.object_list if pk in cards])
    context.update(
        library_page=page_obj,
        library_total=len(selected),
        library_sort=sort,
        library_query=text,
    )
    return context
