"""Serving local media when no web server sits in front of the site; the server error
page, which is a 503 while the database is unreachable."""

import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve

#: Seconds a visitor (or a crawler) is asked to wait when the database is unreachable.
RETRY_AFTER_SECONDS = 30

# Only images are served from /media/: documents go through Wagtail's document view, which
# checks collection privacy and sets a download disposition.
SERVED_FOLDERS = {"images", "original_images"}


def serve_media(request, path):
    parts = PurePosixPath(path).parts
    extension = PurePosixPath(path).suffix.lower().lstrip(".")
    if (
        not parts
        or parts[0] not in SERVED_FOLDERS
        or ".." in parts
        or extension not in settings.WAGTAILIMAGES_EXTENSIONS
    ):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@requires_csrf_token
def server_error(request):
    """``handler500``: the site's 500 page, or a 503 when the request failed because the
    database could not be reached (a restart, a lost connection, a locked SQLite file), in
    the visitor's language. Both pages stand alone: they read nothing from the database."""
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        html = render_to_string("503.html" if unavailable else "500.html")
    if not unavailable:
        return HttpResponseServerError(html)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
