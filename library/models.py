"""The library's pages (the library, a publication, the observatory's key figures) and the
text read from documents.

A publication's region is where it sits (under the library: national; under a region page:
that region's), never a field. ``DocumentText`` holds what ``library.tasks`` read from a
document, keyed by the document: every publication and translation that shows the
document shares it, and the search index takes it from there.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.fragments import lazy_items, once
from core.images import card_picture_prefetch
from core.models import BasePage, IndexPage, LocalizedPageQuerySet, ThemedPageMixin
from library import filters
from library.blocks import IndicatorBlock
from library.extraction import REASONS, UNREADABLE, ReadingStatus
from library.forms import PublicationPageForm
from library.kinds import LICENCE_URLS, DocumentLanguage, Licence, PublicationKind
from library.panels import DocumentTextPanel
from library.serializers import DocumentDownloadField


class DocumentText(models.Model):
    """The text of a document, as read after its upload (``library.tasks``)."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReadingStatus.choices, default=ReadingStatus.PENDING
    )
    detail = models.CharField(_("technical detail"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    file_hash = models.CharField(_("file checksum"), max_length=40, blank=True)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        indexes = [models.Index(fields=["status"], name="library_doctext_status_idx")]

    def __str__(self):
        return str(self.document)

    @property
    def is_unreadable(self):
        return self.status in UNREADABLE

    @property
    def reason(self):
        return REASONS.get(self.status, "")


# --- Publications ---------------------------------------------------------------------


class PublicationPageQuerySet(LocalizedPageQuerySet):
    def published(self, locale=None):
        qs = self.live().public()
        return qs.in_locale(locale) if locale is not None else qs

    def for_cards(self):
        """What a publication's card shows: its document, cover, themes and locale."""
        return (
            self.defer_streamfields()
            .select_related("locale", "document")
            .prefetch_related(
                card_picture_prefetch("cover"),
                "themes",
            )
        )

    def listing(self, locale=None, region=None, theme=None, kind=None):
        """Published publications of a language, newest first, ready for cards."""
        qs = self.published(locale)
        if region is not None:
            qs = qs.filter(path__startswith=region.path, depth__gt=region.depth)
        if theme:
            qs = qs.filter(themes=theme)
        if kind:
            qs = qs.filter(kind=kind)
        return qs.for_cards().order_by("-date", "-pk")


class LibraryPage(IndexPage):
    """The resource library ("Ressources"): every publication of the site, filtered."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.PublicationPage", "library.FiguresPage"]

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template's fragment renders (``core.fragments``).
        context.update(
            lazy_items(
                lambda: filters.filtered_publications(request, self.locale, PublicationPage),
                filters.LISTING_NAMES,
            )
        )
        context["figures_pages"] = FiguresPage.objects.live().public().child_of(self)
        return context


class PublicationPage(ThemedPageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    date = models.DateField(_("publication date"), default=timezone.localdate)
    authors = models.CharField(
        _("authors"),
        max_length=500,
        blank=True,
        help_text=_("People or teams, separated by semicolons: “Dupont, Anne; Martin, Louis”."),
    )
    publisher = models.CharField(
        _("publishing organisation"),
        max_length=255,
        help_text=_("The organisation that publishes the document, as it names itself."),
    )
    document_language = models.CharField(
        _("language of the document"),
        max_length=8,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.FRENCH,
    )
    summary = models.TextField(_("summary"))
    body = StreamField(BodyBlock(), verbose_name=_("presentation"), blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Usually the first page of the document."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The PDF or office file, from your region's collection."),
    )
    page_count = models.PositiveIntegerField(
        _("number of pages"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the number read from the document."),
    )
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY
    )
    related_publications = ParentalManyToManyField(
        "library.PublicationPage",
        verbose_name=_("related publications"),
        blank=True,
        related_name="+",
    )

    objects = PageManager.from_queryset(PublicationPageQuerySet)()
    base_form_class = PublicationPageForm

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                DocumentTextPanel(),
                FieldRowPanel([FieldPanel("document_language"), FieldPanel("page_count")]),
                FieldPanel("cover"),
            ],
            heading=_("The document"),
        ),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("publisher"), FieldPanel("licence")],
            heading=_("Authors and rights"),
        ),
        *ThemedPageMixin.theme_panels,
        FieldPanel("body"),
        FieldPanel("related_publications"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("authors"),
        index.SearchField("publisher"),
        index.SearchField("body"),
        index.SearchField("document_text"),
        index.AutocompleteField("authors"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("document_language"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("authors"),
        APIField("publisher"),
        APIField("document_language"),
        APIField("summary"),
        APIField("body"),
        APIField("cover"),
        APIField("document"),
        APIField("download", serializer=DocumentDownloadField(source="*")),
        APIField("number_of_pages"),
        APIField("licence"),
        APIField("citation"),
        ThemedPageMixin.theme_api_field,
    ]
    # The document, its cover, its language and the related publications are the same in
    # every translation; the summary, the presentation and the publisher are translated.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("related_publications"),
        SynchronizedField("authors"),
    ]

    parent_page_types = ["library.LibraryPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["date"], name="library_publication_date_idx")]

    def clean(self):
        super().clean()
        if self.page_count == 0:
            raise ValidationError({"page_count": _("A document has at least one page.")})

    # What the document says --------------------------------------------------------------

    @cached_property
    def text_record(self):
        """The ``DocumentText`` of the document, or None (prefetched by listings)."""
        if self.document_id is None:
            return None
        return DocumentText.objects.filter(document_id=self.document_id).first()

    def document_text(self):
        """The text read from the document: searched, and quoted in search excerpts."""
        record = self.text_record
        return record.text if record is not None else ""

    def search_field_language(self, field_name):
        """The language the text of ``field_name`` is written in, when it is not the page's:
        the search engine analyses the document's text with the document's language too."""
        return self.document_language if field_name == "document_text" else None

    @property
    def number_of_pages(self):
        if self.page_count:
            return self.page_count
        record = self.text_record
        return record.page_count if record is not None else None

    @property
    def format_label(self):
        """ "PDF", "DOCX"...: the download button's format."""
        return self.document.file_extension.upper() if self.document else ""

    # Citing it ---------------------------------------------------------------------------

    @property
    def author_list(self):
        return [name.strip() for name in self.authors.split(";") if name.strip()]

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def citation_text(self, url=None):
        """ "Authors (year). Title. Publisher. URL": the line a reader copies to cite it."""
        authors = "; ".join(self.author_list) or self.publisher
        parts = [f"{authors} ({self.date.year}).", f"{self.title}.", f"{self.publisher}."]
        target = url or self.full_url
        if target:
            parts.append(target)
        return " ".join(parts)

    @property
    def citation(self):
        return self.citation_text()

    def related(self):
        """The related publications in this page's language, newest first."""
        keys = [page.translation_key for page in self.related_publications.all()]
        if not keys:
            return []
        return list(
            PublicationPage.objects.published(self.locale)
            .filter(translation_key__in=keys)
            .exclude(pk=self.pk)
            .for_cards()
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = once(self.related)
        context["citation"] = once(lambda: self.citation_text(self.get_full_url(request)))
        context["library"] = once(
            lambda: LibraryPage.objects.live().filter(locale=self.locale).first()
        )
        return context


# --- The observatory's key figures -----------------------------------------------------


class FiguresPage(BasePage):
    """Key figures of the observatory: each indicator as figures, a chart, a table, CSV."""

    intro = models.TextField(_("introduction"), blank=True)
    indicators = StreamField(
        [("indicator", IndicatorBlock())], verbose_name=_("indicators"), blank=True
    )
    methodology = StreamField(BodyBlock(), verbose_name=_("methodology"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("indicators"),
        FieldPanel("methodology"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("indicators"),
        index.SearchField("methodology"),
    ]
    api_fields = [APIField("intro"), APIField("indicators"), APIField("methodology")]

    parent_page_types = ["library.LibraryPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("key figures")
        verbose_name_plural = _("key figures pages")

    def rows(self):
        """Every value of every indicator, as the CSV lists them."""
        for block in self.indicators:
            indicator = block.value
            for row in indicator["values"]:
                yield indicator, row

    def csv_response(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                _("indicator"),
                _("area"),
                _("year"),
                _("value"),
                _("unit"),
                _("source"),
            ]
        )
        for indicator, row in self.rows():
            writer.writerow(
                [
                    indicator["title"],
                    IndicatorBlock.area_label(row),
                    row["year"],
                    row["value"],
                    indicator["unit"],
                    indicator["source"],
                ]
            )
        # A byte order mark, so that spreadsheet programs read the accents right.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        filename = f"{slugify(self.title) or 'figures'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def serve(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().serve(request, *args, **kwargs)

    @property
    def csv_url(self):
        return f"{self.url}?format=csv"
