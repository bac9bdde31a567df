from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from home.sitemap import TranslatedSitemap
from home.views import robots_txt
from ops.views import serve_media
from regions.admin_views import CoordinatorLoginView

# A 503 page while the database is unreachable, the 500 page otherwise (ops/views.py).
handler500 = "ops.views.server_error"

urlpatterns = [
    # Wagtail's login, landing regional coordinators on their region (before the admin).
    path("admin/login/", CoordinatorLoginView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media")
    ]

urlpatterns += i18n_patterns(
    path("feeds/", include("syndication.urls")),
    path("", include("subscriptions.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
