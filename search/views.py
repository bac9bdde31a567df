"""The search page and its autocomplete endpoint, one per language."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from . import query
from .backends import SearchUnavailable
from .forms import SearchForm
from .results import active_locale, results_context, suggested_pages

UNAVAILABLE_MESSAGE = _("Search is temporarily unavailable. Please try again in a few minutes.")


@never_cache
def search(request):
    form = SearchForm(request.GET)
    params = form.values()
    locale = active_locale()
    context = {
        "form": form,
        "search_query": params["q"],
        "params": params,
        "result_count": 0,
        "hits": [],
        "promotions": [],
    }
    status = 200
    if params["q"] and locale is not None:
        try:
            context.update(results_context(params, locale, request.GET))
        except SearchUnavailable:
            context["unavailable"] = UNAVAILABLE_MESSAGE
            status = 503
        else:
            if request.GET.get("page", "1") in ("", "1"):
                query.record_hit(params["q"])
    if params["q"] and not context.get("hits") and not context.get("promotions"):
        context["suggestions"] = suggested_pages(locale)
    response = TemplateResponse(request, "search/search.html", context, status=status)
    if status == 503:
        response["Retry-After"] = "120"
    return response


@never_cache
def suggestions(request):
    text = query.clean_query(request.GET.get("q", ""))
    locale = active_locale()
    try:
        pages = query.suggestions(text, locale) if locale else []
    except SearchUnavailable:
        return JsonResponse(
            {"query": text, "results": [], "error": str(UNAVAILABLE_MESSAGE)}, status=503
        )
    return JsonResponse(
        {
            "query": text,
            "results": [{"title": page.title, "url": page.get_url(request)} for page in pages],
        }
    )
