"""What the search page shows for a query: hits, facets, promotions, suggestions."""

import dataclasses

from django.core.paginator import Paginator
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from chantiers.models import ChantierPage
from library import listings as library_listings

from . import query as search_query
from .facets import FACETS, SORTS, TYPE_LABELS, ResultInfo, Selection, describe, regions_of_locale
from .highlight import excerpt, query_forms

RESULTS_PER_PAGE = 10


@dataclasses.dataclass
class Hit:
    page: Page
    info: ResultInfo
    region: Page | None
    excerpt: str

    @property
    def type_label(self):
        return TYPE_LABELS[self.info.type]


def active_locale():
    """The locale of the active language, or None when the site has none for it."""
    try:
        return Locale.objects.get_for_language(get_language())
    except (Locale.DoesNotExist, LookupError):
        return None


def _hits(infos, regions, text, language):
    pages = list(Page.objects.filter(pk__in=[info.pk for info in infos]).specific())
    # A publication's excerpt may quote its document: the texts in one query.
    library_listings.attach_document_texts(pages)
    by_pk = {page.pk: page for page in pages}
    forms = query_forms(text, language)
    return [
        Hit(
            page=by_pk[info.pk],
            info=info,
            region=regions.get(info.region),
            excerpt=excerpt(by_pk[info.pk], forms, language),
        )
        for info in infos
        if info.pk in by_pk
    ]


def suggested_pages(locale):
    """Where to go when nothing is found: the site's sections and the chantiers."""
    if locale is None:
        return {"sections": [], "chantiers": []}
    return {
        "sections": Page.objects.live()
        .public()
        .in_menu()
        .filter(locale=locale, depth=3)
        .order_by("path"),
        "chantiers": ChantierPage.objects.live()
        .public()
        .national()
        .filter(locale=locale)
        .order_by("path"),
    }


def _link_facets(facets, query_dict):
    """Give each facet option the links that choose it and that remove it."""
    for name, options in facets.items():
        for option in options:
            chosen = query_dict.copy()
            chosen.pop("page", None)
            removed = chosen.copy()
            chosen[name] = option.value
            removed.pop(name, None)
            option.url = "?" + chosen.urlencode()
            option.remove_url = "?" + removed.urlencode()
    return facets


def results_context(params, locale, query_dict):
    """The context of a search page with a query (raises SearchUnavailable)."""
    page_number = query_dict.get("page")
    text = params["q"]
    language = locale.language_code
    regions = regions_of_locale(locale)
    infos = describe(search_query.ranked_page_ids(text, locale), regions)
    filters = {facet: params.get(facet) for facet in FACETS}
    selection = Selection(infos, filters, regions)
    page_obj = Paginator(selection.sorted(params["sort"]), RESULTS_PER_PAGE).get_page(page_number)
    first_page = page_obj.number == 1
    promoted = []
    if first_page and not selection.filters:
        promoted = search_query.promotions(text, locale)
    promoted_pks = {pick.page_id for pick in promoted}
    hits = [
        hit
        for hit in _hits(list(page_obj), regions, text, language)
        if hit.page.pk not in promoted_pks
    ]
    return {
        "page_obj": page_obj,
        "hits": hits,
        "promotions": promoted,
        "facets": _link_facets(selection.facets(), query_dict),
        "filtered": bool(selection.filters),
        "result_count": page_obj.paginator.count,
        "sort": params["sort"],
        "sorts": list(SORTS.items()),
    }
