"""Serving local media when no web server sits in front of the site."""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

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
