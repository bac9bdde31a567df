"""The site's URLs plus views that fail as they would while the database is unreachable."""

from django.db import InterfaceError, OperationalError
from django.urls import path

from config.urls import handler500  # noqa: F401 (the handler)
from config.urls import urlpatterns as site_urlpatterns


def connection_lost(request):
    raise OperationalError("server closed the connection unexpectedly")


def connection_closed(request):
    raise InterfaceError("connection already closed")


def bug(request):
    raise ZeroDivisionError


urlpatterns = [
    path("test-outage/lost/", connection_lost),
    path("en/test-outage/lost/", connection_lost),
    path("test-outage/closed/", connection_closed),
    path("test-outage/bug/", bug),
    *site_urlpatterns,
]
