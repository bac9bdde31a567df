"""Upload rules for documents, on top of Wagtail's extension allowlist and size limit."""

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from core.uploads import check_document_content, extension_of


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            extension = extension_of(uploaded)
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
