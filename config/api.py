"""The read-only Wagtail API v2: pages, images, documents.

Page listings filter by type (``?type=news.NewsPage``), language (``?locale=en``) and
expose each page type's own ``api_fields`` (``?fields=kind,date,themes``). Pages that are
not translated yet (aliases of the French page in another language's tree) are left out:
``?locale=en`` answers with English content only. ``?search=`` searches whatever the other
parameters select, with any type or none, on every search backend. ``?region=<slug>``
keeps the pages of a region, ``?theme=<code>`` those of a chantier, and a field with
choices (``?legal_form=cooperative``) accepts its choices only: an unknown value is a 400
that lists the valid ones.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as BasePagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page

from core.i18n import content_language_codes, real_translation_q
from core.models import ThemeCode, ThemedPageMixin
from core.pagination import remembered_count
from core.tree import REGION_DEPTH, region_pages
from search.backends import SearchUnavailable, get_search_backend, run
from search.query import clean_query
from search.views import UNAVAILABLE_MESSAGE


class _RememberedCount:
    """A listing whose ``count()`` is remembered until the next change of the site."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return remembered_count(self.queryset)

    def __getitem__(self, index):
        return self.queryset[index]


class RememberedCountPagination(WagtailPagination):
    """Wagtail's pagination, with the total count of ``core.pagination.remembered_count``
    (counting every news item of a language costs over 100 ms at 100,000 pages)."""

    def paginate_queryset(self, queryset, request, view=None):
        return super().paginate_queryset(_RememberedCount(queryset), request, view)


class PagesAPIViewSet(BasePagesAPIViewSet):
    """Wagtail's pages endpoint, with the joins its fields need.

    A listing of one page type (``?type=news.NewsPage``) fetches each related object its
    ``api_fields`` name (an image, themes, milestones) for the whole page of results at
    once, so a listing runs the same number of queries for 3 items as for 100.
    """

    pagination_class = RememberedCountPagination

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        if model is Page:
            return queryset
        joins, prefetches = [], []
        for api_field in getattr(model, "api_fields", []):
            name = getattr(api_field, "name", api_field)
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_one or field.one_to_one:
                joins.append(name)
            elif field.many_to_many or field.one_to_many:
                prefetches.append(name)
        return queryset.select_related(*joins).prefetch_related(*prefetches)


class SiteLocaleFilter(LocaleFilter):
    """``?locale=``: one of the site's languages, else a clear 400 error."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and code not in content_language_codes():
            raise BadRequestError("locale must be one of: " + ", ".join(content_language_codes()))
        return super().filter_queryset(request, queryset, view)


class SiteSearchFilter(SearchFilter):
    """``?search=``: the pages the other parameters selected, searched by relevance (or in
    ``?order``'s order), every word required unless ``search_operator=or``.

    A search backend filters only on indexed fields, and the listing's filters use others
    (the alias test of ``real_translation_q``, a page type's own fields): the search runs
    over the keys of the filtered pages instead, which every backend accepts. The text is
    cleaned as the search page cleans it; a search service that is down gives a 503.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        # Every word required by default, as on the search page.
        operator = request.GET.get("search_operator") or "and"
        if operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        text = clean_query(request.GET["search"])
        selected = queryset.model.objects.filter(pk__in=queryset.values("pk"))
        selected.query.select_related = queryset.query.select_related
        selected = selected.prefetch_related(*queryset._prefetch_related_lookups)
        ordered = "order" in request.GET
        if ordered:
            selected = selected.order_by(*queryset.query.order_by)
        if not text:
            return selected.none()
        results = get_search_backend().search(
            text, selected, operator=operator, order_by_relevance=not ordered
        )
        return GuardedResults(results)


class GuardedResults:
    """Search results read (counted, sliced by the pagination) through
    ``search.backends.run``: a search service that is down raises SearchUnavailable."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return run(self.results.count)

    def __getitem__(self, key):
        return run(lambda: list(self.results[key]))


class ChoiceFieldsFilter(BaseFilterBackend):
    """A field with choices (``legal_form``, ``membership``, ``status``, ``kind``) accepts
    its choices only: another value is a 400 naming the valid ones, not an empty list that
    a typing error would look like."""

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            choices = [str(key) for key, _label in (field.choices or ())]
            if (
                choices
                and value not in choices
                and name in view.get_available_fields(queryset.model, db_fields_only=True)
            ):
                raise BadRequestError(f"{name} must be one of: " + ", ".join(choices))
        return queryset


class RegionThemeFilter(BaseFilterBackend):
    """``?region=<slug>``: the pages under that region (in the listing's language, or any);
    ``?theme=<code>``: the pages of a type with themes linked to that chantier."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("region")
        if slug is not None:
            regions = region_pages().filter(slug=slug)
            code = request.GET.get("locale")
            if code:
                regions = regions.filter(locale__language_code=code)
            paths = list(regions.values_list("path", flat=True))
            if not paths:
                raise BadRequestError(f"region: no region has the slug {slug!r}")
            within = Q()
            for path in paths:
                within |= Q(path__startswith=path, depth__gt=REGION_DEPTH)
            queryset = queryset.filter(within)
        theme = request.GET.get("theme")
        if theme is not None:
            if theme not in ThemeCode.values:
                raise BadRequestError("theme must be one of: " + ", ".join(ThemeCode.values))
            if not issubclass(queryset.model, ThemedPageMixin):
                raise BadRequestError("theme needs a type with themes (?type=...)")
            queryset = queryset.filter(themes=theme)
        return queryset


class TranslatedPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        SiteLocaleFilter
        if backend is LocaleFilter
        else SiteSearchFilter
        if backend is SearchFilter
        else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    # Before the search: it narrows what the search then ranks.
    filter_backends.insert(filter_backends.index(SiteSearchFilter), RegionThemeFilter)
    filter_backends.insert(0, ChoiceFieldsFilter)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["region", "theme"])

    def get_base_queryset(self):
        return super().get_base_queryset().filter(real_translation_q())

    def handle_exception(self, exc):
        if isinstance(exc, SearchUnavailable):
            # In the language asked for (?locale=), else the request's.
            code = self.request.GET.get("locale")
            language = code if code in content_language_codes() else get_language()
            with translation.override(language):
                message = str(UNAVAILABLE_MESSAGE)
            return Response(
                {"message": message},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": "120"},
            )
        return super().handle_exception(exc)


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Wagtail's documents endpoint, without the documents of private collections.

    Wagtail lists every document, whatever its collection's view restriction: a
    coordinator's private report would be listed, with its title and download URL, to
    anyone. Documents in a restricted collection (or under one) are left out.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        for path in restricted:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TranslatedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
