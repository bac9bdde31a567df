"""The StreamField blocks shared by every page type.

One body StreamBlock (``BodyBlock``); a page that needs fewer blocks narrows it with
``block_counts`` rather than defining another. Each block declares its icon, template,
description and preview value so the admin's block picker can show it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.figures import FigureMetric


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading; use levels in order.")
        preview_value = {"text": "Une Région, un Chantier", "level": "h2"}

    def get_searchable_content(self, value):
        # The heading's words only: its level ("Level 2") is layout, not content.
        return self.child_blocks["text"].get_searchable_content(value.get("text"))


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text_block.html"
        description = _("Paragraphs, lists and links.")
        features = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        preview_value = (
            "<p>L'économie sociale et solidaire rassemble coopératives, mutuelles, "
            "associations, fondations et entreprises sociales.</p>"
        )


class FigureImageBlock(ImageBlock):
    """An image with alternative text, required unless the image is marked decorative."""

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with its text alternative.")

    def get_searchable_content(self, value):
        # The text alternative describes the image for those who cannot see it; out of
        # context, in the index and in search results' excerpts, it reads as noise.
        return []


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False)
    role = blocks.CharBlock(label=_("Role"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation with its author.")
        preview_value = {
            "quote": "Entreprendre autrement, au service de l'intérêt général.",
            "author": "Mouvement ESS",
        }


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), max_length=30)
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "order"
        label = _("Key figure")


class FiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "blocks/figures_block.html"
        description = _("Key figures shown large, each with its label and source.")
        preview_value = {
            "title": "Chiffres clés",
            "figures": [
                {"number": "11", "label": "régions mobilisées", "source": "Feuille de route 2010"},
                {"number": "4", "label": "chantiers thématiques", "source": ""},
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    """A key figure typed by an editor, or counted from the site's data (``metric``)."""

    metric = blocks.ChoiceBlock(
        label=_("Counted from the site"),
        choices=FigureMetric.choices,
        required=False,
        help_text=_("Chosen: the number is counted and kept up to date; leave the number empty."),
    )
    number = blocks.CharBlock(label=_("Number"), max_length=30, required=False)
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=200,
        required=False,
        help_text=_("Optional for a counted figure: its own label otherwise."),
    )
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "order"
        label = _("Key figure")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("metric") and value.get("number"):
            errors["number"] = ValidationError(_("A counted figure has no typed number."))
        elif not value.get("metric"):
            if not value.get("number"):
                errors["number"] = ValidationError(_("Type a number, or choose what to count."))
            if not value.get("label"):
                errors["label"] = ValidationError(_("A typed figure needs its label."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class KeyFiguresBlock(blocks.StructBlock):
    """A page's key figures (home page, region): counted ones refresh with the data."""

    title = blocks.CharBlock(label=_("Title"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"
        description = _("Figures shown large: counted from the site's data, or typed.")
        preview_value = {
            "title": "Chiffres clés",
            "figures": [{"metric": "regions"}, {"metric": "member_organisations"}],
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        description = _("A highlighted invitation with a button.")
        preview_value = {
            "title": "Rejoindre le mouvement",
            "text": "Mobilisez-vous dans votre région.",
            "url": "https://example.org/",
            "button_label": "Nous contacter",
        }

    def get_searchable_content(self, value):
        # The invitation's words, not its button's label.
        return [
            *self.child_blocks["title"].get_searchable_content(value.get("title")),
            *self.child_blocks["text"].get_searchable_content(value.get("text")),
        ]

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give a link."))}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"
        description = _("A link to a document (study, report, PDF) with its type and size.")


class EmbedVideoBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "blocks/embed_block.html"
        description = _("A video or other media from an external site.")


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A data table with a header row.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = FigureImageBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = EmbedVideoBlock()
    table = DataTableBlock()

    class Meta:
        label = _("Body")
