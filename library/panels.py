"""The publication's edit view says whether its document's text could be read, and why not."""

from wagtail.admin.panels import Panel


class DocumentTextPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/document_text_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["record"] = page.text_record if getattr(page, "document_id", None) else None
            context["has_document"] = bool(getattr(page, "document_id", None))
            return context
