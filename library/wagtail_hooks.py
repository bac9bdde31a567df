from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.hooks import DEMO_HOOK, DEMO_TEXTS_HOOK
from library.admin_views import UnreadableDocumentsView
from library.demo import english
from library.demo.builder import build_library


@hooks.register("register_admin_urls")
def register_unreadable_documents_urls():
    return [
        path(
            "reports/unreadable-documents/",
            UnreadableDocumentsView.as_view(),
            name="library_unreadable_documents",
        ),
        path(
            "reports/unreadable-documents/results/",
            UnreadableDocumentsView.as_view(results_only=True),
            name="library_unreadable_documents_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unreadable_documents_menu_item():
    return MenuItem(
        _("Unreadable documents"),
        reverse("library_unreadable_documents"),
        name="unreadable-documents",
        icon_name="warning",
        order=1320,
    )


hooks.register(DEMO_HOOK, build_library)


@hooks.register(DEMO_TEXTS_HOOK)
def library_demo_texts():
    return english.TEXTS
