from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page


@never_cache
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
        )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
