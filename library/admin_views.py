"""The "Unreadable documents" report: documents whose text could not be read, and why.

An editor sees the documents of the collections they may change: a coordinator, their
region's; the national team, all.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports.base import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from library.extraction import UNREADABLE
from library.models import DocumentText


def readable_documents_for(user):
    policy = policy_registry.get_by_type(get_document_model())
    return policy.instances_user_has_permission_for(user, "change")


class UnreadableDocumentsView(ReportView):
    page_title = _("Unreadable documents")
    header_icon = "warning"
    index_url_name = "library_unreadable_documents"
    index_results_url_name = "library_unreadable_documents_results"
    list_export = ["document.title", "document.collection.name", "status", "detail"]
    export_headings = {
        "document.title": _("Document"),
        "document.collection.name": _("Collection"),
        "status": _("Status"),
        "detail": _("Technical detail"),
    }
    columns = [
        TitleColumn(
            "document",
            label=_("Document"),
            get_url=lambda record: reverse("wagtaildocs:edit", args=[record.document_id]),
        ),
        Column("collection", label=_("Collection"), accessor="document.collection.name"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("reason", label=_("What to do")),
        Column("detail", label=_("Technical detail")),
    ]

    def get_queryset(self):
        return (
            DocumentText.objects.filter(
                status__in=UNREADABLE, document__in=readable_documents_for(self.request.user)
            )
            .select_related("document__collection")
            .order_by("-read_at", "-pk")
        )
