"""Upload rules for documents, on top of Wagtail's extension allowlist and size limit."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from library.extraction import upload_problem

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
    # Past its first bytes: a PDF that cannot be opened or needs a password, an office
    # file that is not the container its extension says (library.extraction).
    problem = upload_problem(uploaded.read(), uploaded.name)
    uploaded.seek(0)
    if problem:
        raise ValidationError(problem, code="unreadable")


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
            # A refused extension is reported by the model's clean(), naming it.
            if extension in settings.WAGTAILDOCS_EXTENSIONS:
                check_document_content(uploaded)
        return uploaded

    def _post_clean(self):
        # Once the file is refused, the model's extension check sees no file and would add a
        # confusing second message ("extension “” is not allowed"): keep the first one only.
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self.errors["file"] = self.error_class(refused)
