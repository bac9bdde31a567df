"""Documents' text: each format's reader, unreadable files flagged (their publication still
saves), uploads refused with a clear message and nothing stored, the command, and the
demo's PDFs read back with pypdf (pages, text, metadata).
"""

import io
import zipfile
from pathlib import Path

import docx
import pptx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.text import slugify
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from library.extraction import ReadingStatus, read_document
from library.factories import LibraryPageFactory, PdfDocumentFactory, pdf_bytes
from library.models import DocumentText, PublicationPage
from library.pdfmaker import scanned_pdf
from tests.factories import build_site_tree

PARAGRAPHS = ["Première partie sur les coopératives.", "Deuxième partie sur les mutuelles."]


def encrypted_pdf(user_password="secret"):
    reader = PdfReader(io.BytesIO(pdf_bytes("Confidentiel", PARAGRAPHS)))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes():
    document = docx.Document()
    document.add_heading("Guide des coopératives", 1)
    document.add_paragraph("Les sociétés coopératives d'intérêt collectif associent leurs usagers.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Forme"
    table.rows[0].cells[1].text = "SCIC"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pptx_bytes():
    presentation = pptx.Presentation()
    for text in ("Diapositive sur la mesure d'impact", "Diapositive sur les indicateurs"):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def xlsx_bytes():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Emplois"
    sheet.append(["Département", "Emplois"])
    sheet.append(["Orne", 4120])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes(text="Une note de l'observatoire sur les associations employeuses."):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
            f"<office:text><text:h>Titre</text:h><text:p>{text}</text:p></office:text>"
            "</office:body></office:document-content>",
        )
        archive.writestr(
            "meta.xml",
            '<?xml version="1.0"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
            '<meta:document-statistic meta:page-count="2"/></office:meta>'
            "</office:document-meta>",
        )
    return buffer.getvalue()


# --- Readers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "words", "pages"),
    [
        ("etude.pdf", lambda: pdf_bytes("Étude", PARAGRAPHS), "mutuelles", 3),
        ("guide.docx", docx_bytes, "intérêt collectif", 1),
        ("diapos.pptx", pptx_bytes, "indicateurs", 2),
        ("chiffres.xlsx", xlsx_bytes, "Orne 4120", None),
        ("note.odt", odt_bytes, "associations employeuses", 2),
        ("notes.txt", lambda: "Texte brut : économie sociale.".encode(), "économie sociale", None),
    ],
)
def test_each_format_is_read_by_its_own_reader(name, make, words, pages):
    reading = read_document(make(), name)
    assert reading.status == ReadingStatus.READ, reading.detail
    assert words in reading.text
    assert reading.page_count == pages


def test_a_word_file_declaring_xml_entities_is_refused_not_expanded():
    # The "billion laughs": an entity that would expand to gigabytes if a parser let it.
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            data = bomb if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item, data)
    reading = read_document(buffer.getvalue(), "bombe.docx")
    assert reading.status == ReadingStatus.DAMAGED
    assert "Entities" in reading.detail or "DTD" in reading.detail, reading.detail


def test_word_tables_and_slides_keep_their_text_and_order():
    word = read_document(docx_bytes(), "guide.docx").text
    assert word.index("Guide des coopératives") < word.index("intérêt collectif")
    assert "Forme" in word and "SCIC" in word  # a table's cells
    slides = read_document(pptx_bytes(), "diapos.pptx").text
    assert slides.index("mesure d'impact") < slides.index("indicateurs")


@pytest.mark.parametrize(
    ("name", "make", "status"),
    [
        ("scan.pdf", lambda: scanned_pdf("Affiche"), ReadingStatus.NO_TEXT),
        ("secret.pdf", encrypted_pdf, ReadingStatus.ENCRYPTED),
        ("coupe.pdf", lambda: pdf_bytes("Étude", PARAGRAPHS)[:400], ReadingStatus.DAMAGED),
        ("faux.pdf", lambda: b"%PDF-1.4 nothing here", ReadingStatus.DAMAGED),
        ("faux.docx", lambda: b"PK\x03\x04 not really a zip", ReadingStatus.DAMAGED),
        (
            "vieux.doc",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 legacy",
            ReadingStatus.UNSUPPORTED,
        ),
    ],
)
def test_unreadable_files_get_a_status_never_an_exception(name, make, status):
    reading = read_document(make(), name)
    assert reading.status == status
    assert reading.text == ""


def test_a_pdf_with_only_an_owner_password_is_read():
    reading = read_document(encrypted_pdf(user_password=""), "protege.pdf")
    assert reading.status == ReadingStatus.READ
    assert "coopératives" in reading.text


# --- Flagged after the save; the save stands ----------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("nationale", "n@example.org", "pw-Ess-2010!x")


def publication_form(title, document_id, **extra):
    data = {
        "title": title,
        "slug": slugify(title),
        "kind": "study",
        "date": "2024-01-15",
        "summary": "Un résumé.",
        "document": document_id,
        "document_language": "fr",
        "publisher": "Observatoire",
        "authors": "",
        "licence": "cc-by-4.0",
        "body": streamfield([]),
        "themes": [],
        "related_publications": [],
    }
    data.update(extra)
    return nested_form_data(data)


def test_an_unreadable_pdf_is_flagged_and_its_publication_still_saves(
    client, editor, django_capture_on_commit_callbacks
):
    site = build_site_tree()
    library = LibraryPageFactory(parent=site.home)
    client.force_login(editor)
    # The scanned PDF is uploaded through the admin: accepted (it opens), then read.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Affiche numérisée",
                "file": SimpleUploadedFile("affiche.pdf", scanned_pdf("Affiche")),
                "collection": 1,
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get(title="Affiche numérisée")
    record = DocumentText.objects.get(document=document)
    assert record.status == ReadingStatus.NO_TEXT and record.page_count == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:add", args=["library", "publicationpage", library.pk]),
            publication_form("Affiche du Congrès", document.pk, **{"action-publish": "publish"}),
        )
    assert response.status_code == 302, response.context["form"].errors
    # (The English tree holds an alias of it.)
    page = PublicationPage.objects.get(title="Affiche du Congrès", alias_of__isnull=True)
    assert page.live
    # The editor is told, on the page's edit view and in the report.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "help-warning" in edit and "OCR" in edit
    report = client.get(reverse("library_unreadable_documents")).content.decode()
    assert "Affiche numérisée" in report


def test_a_damaged_file_saved_outside_the_form_is_flagged_too(
    editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Archive abîmée", file=ContentFile(b"%PDF-1.4 broken", name="abime.pdf")
        )
    record = DocumentText.objects.get(document=document)
    assert record.status == ReadingStatus.DAMAGED
    assert record.is_unreadable and "Export" in str(record.reason)


def test_replacing_the_file_reads_it_again(django_capture_on_commit_callbacks, db):
    with django_capture_on_commit_callbacks(execute=True):
        document = PdfDocumentFactory(title="Rapport", paragraphs=["Première version."])
    assert "Première version" in DocumentText.objects.get(document=document).text
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("v2.pdf", ContentFile(pdf_bytes("Rapport", ["Seconde version."])))
    record = DocumentText.objects.get(document=document)
    assert "Seconde version" in record.text and "Première" not in record.text


# --- Uploads refused ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("secret.pdf", encrypted_pdf(), "protégé par un mot de passe"),
        ("coupe.pdf", b"%PDF-1.4\n%%EOF\n", "est endommagé"),
        ("faux.docx", odt_bytes(), "n’est pas un document « docx » valide"),
        ("faux.xlsx", b"PK\x03\x04" + b"0" * 200, "n’est pas un document « xlsx » valide"),
    ],
    ids=["encrypted", "truncated", "odt-named-docx", "not-a-zip"],
)
def test_unusable_uploads_are_refused_with_a_clear_message(
    client, editor, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Refusé", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    (error,) = response.context["form"].errors["file"]
    assert message in error.replace("\xa0", " ")
    assert not get_document_model().objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


# --- The command --------------------------------------------------------------------------


def test_the_command_reads_documents_never_read(db):
    first = PdfDocumentFactory(title="Un", paragraphs=["Texte un."])
    second = get_document_model().objects.create(
        title="Deux", file=ContentFile(b"%PDF-1.4 broken", name="deux.pdf")
    )
    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    assert "2 document(s) read" in out.getvalue()
    assert DocumentText.objects.get(document=first).status == ReadingStatus.READ
    assert DocumentText.objects.get(document=second).status == ReadingStatus.DAMAGED
    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    assert "0 document(s) read" in out.getvalue()
    call_command("extract_document_text", "--all", stdout=io.StringIO())
    with pytest.raises(Exception, match="No document with id 999"):
        call_command("extract_document_text", "--document", "999")


# --- The demo's documents -----------------------------------------------------------------


def test_demo_pdfs_have_pages_text_and_metadata():
    from home.demo import data as home_data
    from home.demo.media import make_pdf
    from library.demo import data
    from library.demo.builder import publication_pdf

    documents = [publication_pdf(item) for item in data.PUBLICATIONS if not item.get("scanned")]
    documents += [make_pdf(title, lines) for title, _name, lines in home_data.DOCUMENTS.values()]
    assert len(documents) >= 15 + 5
    for pdf in documents:
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) > 1
        assert reader.metadata.title and reader.metadata.author
        assert reader.trailer["/Root"]["/Lang"] in ("fr", "en")
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert "page 2" in text  # page numbers
        assert len(text) > 1000
    orne = publication_pdf(data.PUBLICATIONS[0])
    pages = PdfReader(io.BytesIO(orne)).pages
    found = [n for n, page in enumerate(pages, 1) if data.UNIQUE_PHRASE in page.extract_text()]
    assert found and found[0] >= 3  # the phrase the search tests look for, page 3 or later
