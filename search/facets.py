"""What each result is (type, region, themes, date) and the facets counted over them.

The backend ranks; the database describes. ``describe`` reads, in a fixed number of
queries, the type, region, themes and date of every matching page; ``Selection`` then
filters, counts and sorts in Python. That keeps facets identical on every backend.
A facet's counts take the other facets' filters into account, not its own, so that
each count says how many results choosing that value would give.
"""

import dataclasses
import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from chantiers.models import ChantierPage, RoadmapPage
from core.models import THEME_SHORT_LABELS, ThemeCode
from core.tree import REGION_DEPTH
from directory.models import OrganisationPage, ProjectPage
from news.models import EventPage, NewsKind, NewsPage
from regions.models import RegionPage

TYPE_LABELS = {
    "news": _("News"),
    "press_release": _("Press release"),
    "event": _("Event"),
    "roadmap": _("Roadmap"),
    "chantier": _("Chantier"),
    "region": _("Region"),
    "organisation": _("Organisation"),
    "project": _("Project"),
    "page": _("Page"),
}
FACETS = ("type", "region", "theme", "year")
SORTS = {"relevance": _("Relevance"), "date": _("Date")}


@dataclasses.dataclass(frozen=True)
class ResultInfo:
    pk: int
    type: str
    region: int | None
    themes: frozenset
    date: datetime.date | None

    @property
    def year(self):
        return self.date.year if self.date else None

    def value(self, facet):
        return self.themes if facet == "theme" else getattr(self, facet)


@dataclasses.dataclass
class FacetOption:
    value: object
    label: str
    count: int
    selected: bool
    url: str = ""
    remove_url: str = ""


def _localdate(value):
    return timezone.localdate(value) if value else None


def _themes_of(ids_by_model):
    """Theme codes of each page, asking each themed type's table for its own pages only."""
    themes = {}
    for model, ids in ids_by_model.items():
        if not ids:
            continue
        through = model.themes.through
        column = f"{model._meta.model_name}_id"
        for page_id, theme in through.objects.filter(**{f"{column}__in": ids}).values_list(
            column, "theme_id"
        ):
            themes.setdefault(page_id, set()).add(theme)
    return themes


def regions_of_locale(locale):
    """The regions of ``locale`` by primary key, with their tree paths."""
    return {
        region.pk: region
        for region in RegionPage.objects.filter(locale=locale).only("pk", "path", "title")
    }


def describe(ids, regions):
    """``ResultInfo`` of each page of ``ids``, in the order of ``ids`` (at most 4 queries)."""
    if not ids:
        return []
    type_of_content_type = {
        ContentType.objects.get_for_model(model).pk: name
        for model, name in (
            (EventPage, "event"),
            (RoadmapPage, "roadmap"),
            (ChantierPage, "chantier"),
            (RegionPage, "region"),
            (OrganisationPage, "organisation"),
            (ProjectPage, "project"),
        )
    }
    news_type = ContentType.objects.get_for_model(NewsPage).pk
    region_by_path = {region.path: pk for pk, region in regions.items()}
    prefix = REGION_DEPTH * Page.steplen
    rows = list(
        Page.objects.filter(pk__in=ids).values_list(
            "pk",
            "path",
            "content_type_id",
            "last_published_at",
            "newspage__kind",
            "newspage__date",
            "eventpage__start",
            "chantierpage__theme",
            "regionpage__theme",
        )
    )
    themed = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (NewsPage, EventPage, RoadmapPage, OrganisationPage, ProjectPage)
    }
    ids_by_model = {model: [] for model in themed.values()}
    for pk, _path, content_type, *_rest in rows:
        if content_type in themed:
            ids_by_model[themed[content_type]].append(pk)
    themes = _themes_of(ids_by_model)
    infos = {}
    for (
        pk,
        path,
        content_type,
        published,
        kind,
        news_date,
        start,
        chantier_theme,
        region_theme,
    ) in rows:
        if content_type == news_type:
            page_type = "press_release" if kind == NewsKind.PRESS_RELEASE else "news"
            date = news_date
        else:
            page_type = type_of_content_type.get(content_type, "page")
            date = _localdate(start) if start else _localdate(published)
        page_themes = set(themes.get(pk, ())) | {t for t in (chantier_theme, region_theme) if t}
        infos[pk] = ResultInfo(
            pk=pk,
            type=page_type,
            region=region_by_path.get(path[:prefix]),
            themes=frozenset(page_themes),
            date=date,
        )
    return [infos[pk] for pk in ids if pk in infos]


def _matches(info, filters, skip=None):
    for facet, wanted in filters.items():
        if facet == skip or wanted in (None, ""):
            continue
        value = info.value(facet)
        if facet == "theme":
            if wanted not in value:
                return False
        elif value != wanted:
            return False
    return True


class Selection:
    """Results described by ``describe``, narrowed by the chosen facet values."""

    def __init__(self, infos, filters, regions):
        self.infos = infos
        self.filters = {k: v for k, v in filters.items() if k in FACETS and v not in (None, "")}
        self.regions = regions

    @property
    def results(self):
        return [info for info in self.infos if _matches(info, self.filters)]

    def sorted(self, sort):
        results = self.results
        if sort == "date":
            # Newest first; undated last; ties keep their rank.
            results = sorted(
                results,
                key=lambda info: (info.date is None, -(info.date or datetime.date.min).toordinal()),
            )
        return results

    def _counts(self, facet):
        counts = {}
        for info in self.infos:
            if not _matches(info, self.filters, skip=facet):
                continue
            values = info.value(facet)
            for value in values if facet == "theme" else [values]:
                if value is not None:
                    counts[value] = counts.get(value, 0) + 1
        return counts

    def facet(self, facet):
        counts = self._counts(facet)
        selected = self.filters.get(facet)
        if selected is not None:
            counts.setdefault(selected, 0)
        if facet == "type":
            order = [(value, TYPE_LABELS[value]) for value in TYPE_LABELS]
        elif facet == "theme":
            order = [(code, THEME_SHORT_LABELS[ThemeCode(code)]) for code in ThemeCode.values]
        elif facet == "region":
            order = sorted(
                ((pk, region.title) for pk, region in self.regions.items()),
                key=lambda item: item[1],
            )
        else:
            order = [(year, str(year)) for year in sorted(counts, reverse=True)]
        return [
            FacetOption(value, label, counts[value], value == selected)
            for value, label in order
            if value in counts
        ]

    def facets(self):
        return {facet: self.facet(facet) for facet in FACETS}
