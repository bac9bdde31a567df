"""The directory's and the project bank's listings: filters, facet counts, pagination.

Filters arrive as GET parameters and go through a Django form; a value the form does not
accept (an unknown region, legal form, theme, status or need) gives an empty list and a
message, never a server error. Each facet's counts say how many items choosing that value
would give (the other filters applied, not its own): one grouped query per facet, so a
listing costs the same number of queries for 3 items as for 300. The querysets come from
the callers (the models' managers), so this module sits below ``directory.models``.
"""

from django import forms
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.models import ThemeCode
from core.pagination import paginate
from core.tree import REGION_DEPTH
from directory.choices import NEED_FIELDS, LegalForm, Membership, ProjectNeed, ProjectStatus
from directory.forms import regions_of_language

ORGANISATIONS_PER_PAGE = 24
PROJECTS_PER_PAGE = 12
#: The region facet's value for what sits under the listing page itself.
NATIONAL = "national"
#: Search hits considered by the text filter (far more than a directory holds).
MAX_HITS = 2000
VIEWS = ("list", "map")
INVALID_MESSAGE = _("These filters are not valid: nothing matches them.")


class FacetFilterForm(forms.Form):
    """A listing's filters. ``facets`` name the fields whose choices get counts."""

    q = forms.CharField(label=_("Keyword"), required=False, max_length=200)
    region = forms.ChoiceField(label=_("Region"), required=False)

    facets = ("region",)

    def __init__(self, data, *, locale, index):
        super().__init__(data)
        self.index = index
        self.regions = {region.slug: region for region in regions_of_language(locale)}
        self.fields["region"].choices = [
            ("", _("All regions")),
            (NATIONAL, _("National, or abroad")),
            *((slug, region.title) for slug, region in self.regions.items()),
        ]

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def clean_region(self):
        slug = self.cleaned_data.get("region")
        if slug == NATIONAL:
            return NATIONAL
        return self.regions.get(slug) if slug else None

    def filters(self):
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)

    @property
    def active_count(self):
        return sum(1 for name in self.fields if self.data.get(name))

    def show_counts(self, counts):
        """Each facet option's label followed by its count: "Cooperative (12)"."""
        self.counts = counts
        for name in self.facets:
            field = self.fields[name]
            field.choices = [
                (value, f"{label} ({counts[name].get(value, 0)})" if value else label)
                for value, label in field.choices
            ]


class OrganisationFilterForm(FacetFilterForm):
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("All legal forms")), *LegalForm.choices],
    )
    theme = forms.ChoiceField(
        label=_("Chantier"),
        required=False,
        choices=[("", _("All chantiers")), *ThemeCode.choices],
    )
    membership = forms.ChoiceField(
        label=_("Member or partner"),
        required=False,
        choices=[("", _("Members and partners")), *Membership.choices],
    )

    facets = ("region", "legal_form", "theme", "membership")


class ProjectFilterForm(FacetFilterForm):
    theme = forms.ChoiceField(
        label=_("Chantier"),
        required=False,
        choices=[("", _("All chantiers")), *ThemeCode.choices],
    )
    need = forms.ChoiceField(
        label=_("Looking for"),
        required=False,
        choices=[("", _("Anything")), *ProjectNeed.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *ProjectStatus.choices],
    )

    facets = ("region", "theme", "need", "status")


# --- Filtering and counting ------------------------------------------------------------


def _apply(qs, name, value, index):
    if name == "region":
        if value == NATIONAL:
            return qs.filter(path__startswith=index.path, depth__gt=index.depth)
        return qs.filter(path__startswith=value.path, depth__gt=value.depth)
    if name == "theme":
        return qs.filter(themes=value)
    if name == "need":
        return qs.filter(**{NEED_FIELDS[value]: True})
    if name == "hits":
        return qs.filter(pk__in=value)
    return qs.filter(**{name: value})


def _filtered(qs, filters, index, skip=None):
    for name, value in filters.items():
        if name != skip:
            qs = _apply(qs, name, value, index)
    return qs


def _count(qs, name, form):
    """``{choice value: count}`` for one facet, in one query."""
    if name == "region":
        prefix = REGION_DEPTH * Page.steplen
        by_prefix = dict(
            qs.order_by()
            .annotate(prefix=Substr("path", 1, prefix))
            .values("prefix")
            .annotate(n=Count("pk"))
            .values_list("prefix", "n")
        )
        counts = {slug: by_prefix.get(region.path, 0) for slug, region in form.regions.items()}
        counts[NATIONAL] = sum(
            n for path, n in by_prefix.items() if path.startswith(form.index.path)
        )
        return counts
    if name == "need":
        totals = qs.order_by().aggregate(
            **{need: Count("pk", filter=Q(**{field: True})) for need, field in NEED_FIELDS.items()}
        )
        return totals
    field = "themes" if name == "theme" else name
    rows = qs.order_by().values_list(field).annotate(n=Count("pk", distinct=True))
    return {value: n for value, n in rows if value is not None}


def _text_hits(manager, locale, text):
    """The pages of ``locale`` matching ``text`` through the site's search backend."""
    results = manager.live().filter(locale=locale).search(text, operator="and")
    return [hit.pk for hit in results[:MAX_HITS]]


def listing_names(prefix):
    """The context names ``faceted_listing`` gives, for ``core.fragments.lazy_items``."""
    return tuple(f"{prefix}_{name}" for name in LISTING_NAMES)


LISTING_NAMES = ("form", "page", "error", "total", "view", "items", "matching")


def faceted_listing(request, *, manager, form, per_page, order, prefix):
    """The context of a faceted listing, under names that start with ``prefix``."""
    view = request.GET.get("view")
    if view == "map" and "need" in form.fields:
        view = None  # projects have no map
    context = {
        f"{prefix}_form": form,
        f"{prefix}_page": None,
        f"{prefix}_error": None,
        f"{prefix}_total": 0,
        f"{prefix}_view": view if view in VIEWS else VIEWS[0],
        f"{prefix}_items": None,
    }
    context[f"{prefix}_matching"] = None
    if not form.is_valid():
        context[f"{prefix}_error"] = INVALID_MESSAGE
        return context
    filters = form.filters()
    text = filters.pop("q", "")
    if text:
        filters["hits"] = _text_hits(manager, form.index.locale, text)
    base = manager.published(form.index.locale)
    form.show_counts(
        {
            name: _count(_filtered(base, filters, form.index, skip=name), name, form)
            for name in form.facets
        }
    )
    matching = _filtered(base, filters, form.index)
    context[f"{prefix}_matching"] = matching
    if context[f"{prefix}_view"] == "map":
        # The map draws every match itself (``directory_tags``): no page of cards.
        context[f"{prefix}_total"] = matching.count()
        return context
    page_obj, error = paginate(request, order(matching.cards()), per_page)
    context[f"{prefix}_page"] = page_obj
    context[f"{prefix}_error"] = error
    context[f"{prefix}_total"] = page_obj.paginator.count if page_obj else 0
    return context


def organisation_listing(request, locale, manager, index):
    form = OrganisationFilterForm(request.GET, locale=locale, index=index)
    return faceted_listing(
        request,
        manager=manager,
        form=form,
        per_page=ORGANISATIONS_PER_PAGE,
        order=lambda qs: qs.order_by("title", "pk"),
        prefix="organisations",
    )


def project_listing(request, locale, manager, index):
    form = ProjectFilterForm(request.GET, locale=locale, index=index)
    return faceted_listing(
        request,
        manager=manager,
        form=form,
        per_page=PROJECTS_PER_PAGE,
        order=lambda qs: qs.by_relevance_to_partners(),
        prefix="projects",
    )
