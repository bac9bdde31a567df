"""The read-only Wagtail API v2: pages, images, documents.

Page listings filter by type (``?type=news.NewsPage``), language (``?locale=en``) and
expose each page type's own ``api_fields`` (``?fields=kind,date,themes``). Pages that are
not translated yet (aliases of the French page in another language's tree) are left out:
``?locale=en`` answers with English content only.
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as BasePagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from core.i18n import content_language_codes, real_translation_q


class PagesAPIViewSet(BasePagesAPIViewSet):
    """Wagtail's pages endpoint, with the joins its fields need.

    A listing of one page type (``?type=news.NewsPage``) fetches each related object its
    ``api_fields`` name (an image, themes, milestones) for the whole page of results at
    once, so a listing runs the same number of queries for 3 items as for 100.
    """

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


class TranslatedPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        SiteLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().filter(real_translation_q())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TranslatedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
