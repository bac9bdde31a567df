"""Factories for the library's pages and documents (shipped: the demo, the benchmark and
the tests build with them)."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.factories import PageFactory
from library.models import FiguresPage, LibraryPage, PublicationPage
from library.pdfmaker import PdfSpec, render_pdf


class LibraryPageFactory(PageFactory):
    title = "Ressources"
    show_in_menus = True

    class Meta:
        model = LibraryPage


class PublicationPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Publication {n}")
    kind = "study"
    date = datetime.date(2020, 1, 1)
    publisher = "Observatoire régional de l'ESS"
    authors = "Dupont, Anne; Martin, Louis"
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}")

    class Meta:
        model = PublicationPage


class FiguresPageFactory(PageFactory):
    title = "Chiffres clés"

    class Meta:
        model = FiguresPage


def pdf_bytes(title, paragraphs=(), language="fr", sections=None, **fields):
    """A real PDF (reportlab): a cover page, then ``paragraphs`` (or ``sections``:
    ``[(heading, [paragraph, ...]), ...]``), each section on a page of its own."""
    sections = sections or [(f"Partie {n}", [text]) for n, text in enumerate(paragraphs, 1)]
    spec = PdfSpec(
        title=title,
        kind=fields.pop("kind", "Étude"),
        publisher=fields.pop("publisher", "Observatoire régional de l'ESS"),
        author=fields.pop("author", "Anne Dupont"),
        language=language,
        date=fields.pop("date", datetime.date(2020, 1, 1)),
        summary=fields.pop("summary", title),
        sections=sections,
        break_sections=True,
        **fields,
    )
    return render_pdf(spec)


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    """A document holding a real PDF made by ``pdf_bytes`` from ``paragraphs``."""

    title = factory.Sequence(lambda n: f"Étude {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            pdf_bytes(document.title, document.paragraphs), name=f"{slugify(document.title)}.pdf"
        )
    )

    class Params:
        paragraphs = ("Un paragraphe d'introduction.",)

    class Meta:
        model = get_document_model()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()  # size and checksum, as an upload has them
        document.save()
        return document
