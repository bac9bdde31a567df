"""Admin hooks: wagtail-localize's views behind the translation rights, the freshness
report and its dashboard panel, the translation rights screen, the demo's translators."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_localize.views import report as localize_report

from translation import views
from translation.admin_views import FreshnessPanel, FreshnessReportView
from translation.freshness import freshness_rows, may_see_report


def _submitters_only(view):
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    checked.translation_rights = True
    return checked


#: wagtail-localize's addresses (under /admin/localize/) routed to the checked views. They
#: come before wagtail-localize's own patterns (this app is listed first, and the hook runs
#: first), so every link wagtail-localize makes reaches them.
LOCALIZE_OVERRIDES = [
    ("submit/page/<int:page_id>/", views.SubmitPageTranslationView.as_view()),
    (
        "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        views.SubmitSnippetTranslationView.as_view(),
    ),
    ("update/<int:translation_source_id>/", views.UpdateTranslationsView.as_view()),
    (
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        views.edit_string_translation,
    ),
    (
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        views.edit_override,
    ),
    ("translate/<int:translation_id>/pofile/download/", views.download_pofile),
    ("translate/<int:translation_id>/pofile/upload/", views.upload_pofile),
    ("translate/<int:translation_id>/machine_translate/", views.machine_translate),
    ("translate/<int:translation_id>/preview/", views.preview_translation),
    ("translate/<int:translation_id>/preview/<str:mode>/", views.preview_translation),
    ("translate/<int:translation_id>/disable/", views.stop_translation),
    (
        "reports/translations/",
        _submitters_only(localize_report.TranslationsReportView.as_view()),
    ),
    (
        "reports/translations/results/",
        _submitters_only(localize_report.TranslationsReportView.as_view(results_only=True)),
    ),
    (
        "api/snippets/<slug:app_label>/<slug:model_name>/",
        views.SnippetViewSet.as_view({"get": "list"}),
    ),
    (
        "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        views.SnippetViewSet.as_view({"get": "retrieve"}),
    ),
]


@hooks.register("register_admin_urls", order=-100)
def register_admin_urls():
    return [path(f"localize/{route}", view) for route, view in LOCALIZE_OVERRIDES] + [
        path(
            "reports/translation-freshness/",
            FreshnessReportView.as_view(),
            name="translation_freshness",
        ),
        path(
            "reports/translation-freshness/results/",
            FreshnessReportView.as_view(results_only=True),
            name="translation_freshness_results",
        ),
    ]


class FreshnessMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_freshness_report():
    return FreshnessMenuItem(
        _("Translation freshness"),
        reverse("translation_freshness"),
        icon_name="wagtail-localize-language",
        order=8990,
    )


@hooks.register("construct_reports_menu")
def hide_localize_report(request, menu_items):
    """wagtail-localize's list of translations, for those who may translate only."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        menu_items[:] = [
            item
            for item in menu_items
            if item.url != reverse("wagtail_localize:translations_report")
        ]


@hooks.register("construct_homepage_panels")
def add_freshness_panel(request, panels):
    if may_see_report(request.user):
        panels.append(FreshnessPanel(freshness_rows(request.user)))
