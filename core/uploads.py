"""Upload checks shared by the admin's document form (``ops.forms``) and the site's public
forms (a project proposal's attachment): the content must be what the extension says, and
a public upload has its own list of extensions and size limit.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# The first bytes each allowed binary format starts with. Office formats are ZIP (OOXML,
# OpenDocument) or OLE2 (legacy .doc/.xls/.ppt) containers.
ZIP = (b"PK\x03\x04",)
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
# Text formats must not hide markup a browser would run if it ever guessed the type.
MARKUP = (b"<html", b"<script", b"<svg", b"<!doctype", b"<iframe", b"<?xml")


def check_document_content(uploaded):
    """Refuse a file whose content is not what its extension says."""
    extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    signatures = SIGNATURES.get(extension)
    if signatures is not None:
        if not head.startswith(signatures):
            raise ValidationError(
                _("This file's content is not a valid “%(extension)s” file."),
                code="content_mismatch",
                params={"extension": extension},
            )
    elif any(marker in head.lower() for marker in MARKUP):
        raise ValidationError(
            _("This file contains web page markup, which is not allowed in documents."),
            code="markup",
        )


def extension_of(uploaded):
    return PurePath(uploaded.name).suffix.lower().lstrip(".")


def check_public_upload(uploaded, extensions, max_bytes):
    """Refuse a visitor's file of another type, too large, or whose content lies."""
    extension = extension_of(uploaded)
    if extension not in extensions:
        raise ValidationError(
            _("Files of type “%(extension)s” are not accepted. Accepted types: %(allowed)s."),
            code="extension",
            params={"extension": extension or "?", "allowed": ", ".join(extensions)},
        )
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("This file is too large (%(size)s); the limit is %(limit)s."),
            code="size",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)},
        )
    check_document_content(uploaded)
