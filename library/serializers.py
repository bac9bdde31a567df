"""API fields of publications."""

from rest_framework import serializers


class DocumentDownloadField(serializers.Field):
    """A publication's download: absolute URL, format, size in bytes, media type."""

    def to_representation(self, page):
        document = page.document
        if document is None:
            return None
        request = self.context.get("request")
        url = document.url
        return {
            "url": request.build_absolute_uri(url) if request is not None else url,
            "format": document.file_extension.upper(),
            "size": document.file_size,
            "content_type": document.content_type,
            "title": document.title,
        }
