"""The freshness report (a Wagtail report view: filters, CSV and Excel export) and its
dashboard panel. The rows come from ``translation.freshness``."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from translation.freshness import (
    STATUS_LABELS,
    STATUS_ORDER,
    counts,
    freshness_rows,
    may_see_report,
)


class ListFilter(django_filters.ChoiceFilter):
    """A choice filter over the report's rows (a list, not a queryset)."""

    def __init__(self, *args, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(*args, **kwargs)

    def filter(self, rows, value):
        if value in ("", None):
            return rows
        return [row for row in rows if str(getattr(row, self.attribute)) == value]


class TitleFilter(django_filters.CharFilter):
    def filter(self, rows, value):
        if not value:
            return rows
        value = value.casefold()
        return [row for row in rows if value in row.title.casefold()]


class FreshnessFilterSet(WagtailFilterSet):
    language = ListFilter(label=_("Language"), attribute="language_code", choices=[])
    status = ListFilter(
        label=_("Status"),
        attribute="status",
        choices=[(code, STATUS_LABELS[code]) for code in STATUS_ORDER],
    )
    kind = ListFilter(label=_("Type"), attribute="type_label", choices=[])
    region = ListFilter(label=_("Region"), attribute="region", choices=[])
    title = TitleFilter(label=_("Title contains"))

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        languages = {row.locale.language_code: row.language for row in rows}
        self.filters["language"].extra["choices"] = sorted(languages.items())
        self.filters["kind"].extra["choices"] = [
            (label, label) for label in sorted({row.type_label for row in rows})
        ]
        self.filters["region"].extra["choices"] = [
            (name, name) for name in sorted({row.region for row in rows if row.region})
        ]

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


class StatusColumn(Column):
    cell_template_name = "translation/freshness_status_cell.html"


class TranslationColumn(Column):
    cell_template_name = "translation/freshness_translation_cell.html"


class FreshnessReportView(ReportView):
    """Every translatable page and snippet, per language: is its translation up to date?"""

    page_title = _("Translation freshness")
    header_icon = "wagtail-localize-language"
    index_url_name = "translation_freshness"
    index_results_url_name = "translation_freshness_results"
    filterset_class = FreshnessFilterSet
    paginate_by = 50
    export_filename = "translation-freshness"
    list_export = [
        "title",
        "type_label",
        "region",
        "language",
        "status_label",
        "untranslated",
        "since",
    ]
    export_headings = {
        "title": _("Title"),
        "type_label": _("Type"),
        "region": _("Region"),
        "language": _("Language"),
        "status_label": _("Status"),
        "untranslated": _("Strings to translate"),
        "since": _("Since"),
    }
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.source_url),
        Column("type_label", label=_("Type")),
        Column("region", label=_("Region")),
        Column("language", label=_("Language")),
        StatusColumn("status", label=_("Status")),
        DateColumn("since", label=_("Since")),
        TranslationColumn("translation", label=_("Translation")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        self.rows = freshness_rows(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs.update(queryset=Page.objects.none(), rows=self.rows)
        return kwargs

    def get_queryset(self):
        return self.filter_queryset(self.rows)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])


class FreshnessPanel(Component):
    """On the dashboard: per language, how many translations are out of date, waiting for
    review, missing and up to date; a link to the report filtered on each."""

    name = "translation_freshness"
    template_name = "translation/freshness_panel.html"
    order = 60

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        summary = [
            {
                "locale": locale,
                "counts": [
                    {"status": status, "label": STATUS_LABELS[status], "count": count}
                    for status, count in per_status.items()
                ],
            }
            for locale, per_status in counts(self.rows).items()
        ]
        return {"summary": summary, "request": parent_context["request"]}
