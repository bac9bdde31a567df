"""The site's URLs plus a few views whose responses the page cache must never store."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import cache_control

from config.urls import urlpatterns as site_urlpatterns


def form_with_csrf_token(request):
    return HttpResponse(
        f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>'
    )


def sets_a_cookie(request):
    response = HttpResponse("Bonjour")
    response.set_cookie("choice", "1")
    return response


@cache_control(private=True)
def private_response(request):
    return HttpResponse("Pour vous seulement")


urlpatterns = [
    path("test-cache/csrf/", form_with_csrf_token),
    path("test-cache/cookie/", sets_a_cookie),
    path("test-cache/private/", private_response),
    *site_urlpatterns,
]
