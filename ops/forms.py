"""Upload rules for documents, on top of Wagtail's extension allowlist and size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from core.uploads import check_document_content, extension_of
from library.extraction import upload_problem


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            extension = extension_of(uploaded)
            # A refused extension is reported by the model's clean(), naming it.
            if extension in settings.WAGTAILDOCS_EXTENSIONS:
                check_document_content(uploaded)
                # Past its first bytes: a PDF that cannot be opened or needs a password, an
                # office file that is not the container its extension says.
                problem = upload_problem(uploaded.read(), uploaded.name)
                uploaded.seek(0)
                if problem:
                    raise ValidationError(problem, code="unreadable")
        return uploaded

    def _post_clean(self):
        # Once the file is refused, the model's extension check sees no file and would add a
        # confusing second message ("extension “” is not allowed"): keep the first one only.
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self.errors["file"] = self.error_class(refused)
