"""The library's step of ``load_demo_content`` (registered in ``library/wagtail_hooks.py``).

It adds, if missing: the library page, its publications (national ones under it,
regional ones under their region) with generated PDF documents and covers, the
observatory's key figures page, and their English translations. Idempotent, like the rest
of the demo: objects are looked up first.
"""

import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from core import i18n
from library.demo import data, english
from library.factories import FiguresPageFactory, LibraryPageFactory, PublicationPageFactory
from library.kinds import PublicationKind
from library.pdfmaker import PdfSpec, render_cover, render_pdf, scanned_pdf
from library.tasks import read_and_store


def publication_pdf(item):
    """The PDF of a demo publication: its own sections, then its chantier's."""
    if item.get("scanned"):
        return scanned_pdf(item["title"])
    theme = item["themes"][0]
    sections = list(item.get("sections", []))
    if item.get("section_language", "fr") == "fr":
        sections += data.SECTIONS[theme]
    spec = PdfSpec(
        title=item["title"],
        kind=str(PublicationKind(item["kind"]).label),
        publisher=item["publisher"],
        author=item["authors"],
        language=item.get("document_language", "fr"),
        date=item["date"],
        summary=item["summary"],
        sections=sections,
        table=item.get("table"),
        chart=item.get("chart"),
        theme=theme,
        keywords=tuple(item["themes"]),
        break_sections=True,
    )
    return render_pdf(spec)


def collection_for(demo, parent):
    """A regional publication's files go into its region's collection, if it has one."""
    if parent is not demo.library:
        regional = Collection.objects.filter(name=parent.title, depth=3).first()
        if regional is not None:
            return regional
    return demo.collection


def document_for(demo, item, collection):
    Document = get_document_model()
    title = item["title"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        pdf = publication_pdf(item)
        document = Document(
            title=title,
            collection=collection,
            file=ContentFile(pdf, name=f"{item['slug']}.pdf"),
        )
        document._set_document_file_metadata()
        document.save()
        demo.note(document)
        # Read now, in the demo's transaction: the site is whole when the command returns
        # (the task the save enqueues finds the file read and stops there).
        read_and_store(document.pk)
    return document


def cover_for(demo, item, document, collection):
    Image = get_image_model()
    title = f"Couverture : {item['title']}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        with document.open_file() as handle:
            jpeg = render_cover(handle.read())
        image = Image(
            title=title,
            description=f"Couverture de « {item['title']} »",
            collection=collection,
            file=ImageFile(ContentFile(jpeg), name=f"couverture-{item['slug']}.jpg"),
        )
        image.save()
        demo.note(image)
    return image


def build_library_page(demo):
    existing = demo.home.get_children().filter(slug=data.LIBRARY["slug"]).first()
    if existing is not None:
        demo.library = existing.specific
        return
    demo.library = LibraryPageFactory(
        parent=demo.home,
        slug=data.LIBRARY["slug"],
        title=data.LIBRARY["title"],
        intro=data.LIBRARY["intro"],
        locale=demo.locale,
    )
    demo.note(demo.library)
    demo.log(f"  + resource library: {demo.library.title}")


def build_publications(demo):
    demo.publications = {}
    for item in data.PUBLICATIONS:
        parent = demo.library if item["parent"] == "library" else demo.regions[item["parent"]]
        existing = parent.get_children().filter(slug=item["slug"]).first()
        if existing is not None:
            demo.publications[item["slug"]] = existing.specific
            continue
        collection = collection_for(demo, parent)
        document = document_for(demo, item, collection)
        page = PublicationPageFactory(
            parent=parent,
            slug=item["slug"],
            locale=demo.locale,
            title=item["title"],
            kind=item["kind"],
            date=item["date"],
            authors=item["authors"],
            publisher=item["publisher"],
            document_language=item.get("document_language", "fr"),
            summary=item["summary"],
            licence=item["licence"],
            document=document,
            cover=cover_for(demo, item, document, collection),
            themes=item["themes"],
        )
        demo.note(page)
        demo.log(f"  + publication: {page.title}")
        demo.publications[item["slug"]] = page
    # Related publications: those that share a chantier, newest first, three at most.
    for page in demo.publications.values():
        if page.related_publications.exists():
            continue
        themes = set(page.themes.values_list("code", flat=True))
        related = [
            other
            for other in sorted(demo.publications.values(), key=lambda p: p.date, reverse=True)
            if other.pk != page.pk and themes & set(other.themes.values_list("code", flat=True))
        ][:3]
        if related:
            page.related_publications.set(related)
            page.save_revision().publish()


def build_figures_page(demo):
    item = data.FIGURES_PAGE
    existing = demo.library.get_children().filter(slug=item["slug"]).first()
    if existing is not None:
        demo.figures_page = existing.specific
        return
    indicators = [
        {
            "type": "indicator",
            "value": {
                "title": indicator["title"],
                "unit": indicator["unit"],
                "source": indicator["source"],
                "note": indicator["note"],
                "values": [
                    {"area": area, "region": None, "year": year, "value": value}
                    for area, year, value in indicator["values"]
                ],
            },
        }
        for indicator in item["indicators"]
    ]
    demo.figures_page = FiguresPageFactory(
        parent=demo.library,
        slug=item["slug"],
        locale=demo.locale,
        title=item["title"],
        intro=item["intro"],
        indicators=json.dumps(indicators),
    )
    demo.note(demo.figures_page)
    demo.log(f"  + key figures: {demo.figures_page.title}")


def translate_library(demo):
    """The library, its key figures and the publications of translated parents in English."""
    locale = i18n.sync_locales(sync_trees=False).get(english.LANGUAGE)
    if locale is None:
        return
    pages = [demo.library, demo.figures_page, *demo.publications.values()]
    for page in pages:
        parent = page.get_parent()
        parent_translation = parent.get_translation_or_none(locale)
        if parent_translation is None or parent_translation.alias_of_id:
            continue
        translation = page.get_translation_or_none(locale)
        if translation is not None and not translation.alias_of_id:
            continue
        i18n.sync_locales()
        source = Page.objects.get(pk=page.pk).specific
        demo.note(i18n.translate(source, english.LANGUAGE, english.TEXTS))
        demo.log(f"  + English translation: {page.title}")


def read_demo_documents(demo):
    """Read the text of the demo's documents not read yet (the press room's too), in the
    demo's transaction."""
    unread = get_document_model().objects.filter(extracted_text__isnull=True)
    for pk in unread.values_list("pk", flat=True):
        read_and_store(pk)


def build_library(demo):
    build_library_page(demo)
    build_publications(demo)
    build_figures_page(demo)
    translate_library(demo)
    read_demo_documents(demo)
