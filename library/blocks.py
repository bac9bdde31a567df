"""The observatory's indicator: figures with their unit, year, source and area."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from library import charts


class IndicatorValueBlock(blocks.StructBlock):
    area = blocks.CharBlock(
        label=_("Area"),
        required=False,
        max_length=120,
        help_text=_("A territory (“France”, “Orne”); leave empty to name the region chosen."),
    )
    region = blocks.PageChooserBlock(
        label=_("Region"), page_type="regions.RegionPage", required=False
    )
    year = blocks.IntegerBlock(label=_("Year"), min_value=1900, max_value=2100)
    value = blocks.DecimalBlock(label=_("Value"), max_digits=14, decimal_places=2)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("area") and not value.get("region"):
            raise StructBlockValidationError(
                {"area": ValidationError(_("Name the area, or choose a region."))}
            )
        return value


class IndicatorBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Indicator"), max_length=200)
    unit = blocks.CharBlock(
        label=_("Unit"), max_length=40, help_text=_("“jobs”, “%”, “establishments”, “M€”…")
    )
    source = blocks.CharBlock(label=_("Source"), max_length=255)
    note = blocks.TextBlock(label=_("Note"), required=False)
    values = blocks.ListBlock(
        IndicatorValueBlock(),
        label=_("Values"),
        min_num=1,
        help_text=_("The first value is shown as the key figure; all are charted."),
    )

    class Meta:
        icon = "table"
        label = _("Indicator")
        template = "library/blocks/indicator.html"

    @staticmethod
    def area_label(row):
        return row.get("area") or (row["region"].title if row.get("region") else "")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        rows = [
            {
                "area": self.area_label(row),
                "region": row.get("region"),
                "year": row["year"],
                "value": row["value"],
            }
            for row in value["values"]
        ]
        context["rows"] = rows
        context["headline"] = rows[0] if rows else None
        context["chart"] = charts.bar_chart(value["title"], value["unit"], rows)
        return context
