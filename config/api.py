"""The read-only Wagtail API v2: pages, images, documents.

Page listings filter by type (``?type=news.NewsPage``), language (``?locale=en``) and
expose each page type's own ``api_fields`` (``?fields=kind,date,themes``). Pages that are
not translated yet (aliases of the French page in another language's tree) are left out:
``?locale=en`` answers with English content only.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.i18n import real_translation_q


class TranslatedPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(real_translation_q())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TranslatedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
