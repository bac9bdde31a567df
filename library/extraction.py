"""Reading the text inside documents, and telling a readable file from a broken one.

Each format has its own reader: PDF with pypdf; spreadsheets with openpyxl; Word,
PowerPoint and OpenDocument (text, spreadsheet, presentation) from their XML parts through
defusedxml (odfpy has not been released since 2020; python-docx and python-pptx would
bring lxml, 20 MB of the image, for the same text); plain text and CSV decoded as they
are. ``read_document`` never raises for a bad file: whatever a damaged file makes a parser
trip over becomes a ``Reading`` with a status and a reason. ``upload_problem`` is what the
upload form refuses outright (a PDF that cannot be opened or needs a password, an office
file that is not one).

Limits keep a hostile or huge file from holding a worker: at most ``MAX_PAGES`` pages and
``MAX_SECONDS`` of reading, ``MAX_CHARACTERS`` of text kept, and ZIP-based files refused
when they would expand past ``MAX_UNCOMPRESSED_BYTES``.
"""

import dataclasses
import io
import logging
import time
import zipfile
from pathlib import PurePath

from defusedxml import ElementTree
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_PAGES = 1000
MAX_SECONDS = 60
MAX_CHARACTERS = 1_000_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024


class ReadingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    READ = "read", _("Text read")
    NO_TEXT = "no_text", _("No text found (scanned?)")
    ENCRYPTED = "encrypted", _("Protected by a password")
    DAMAGED = "damaged", _("Damaged file")
    UNSUPPORTED = "unsupported", _("Format not read")


#: Statuses that an editor should act on: the document's text is not searchable.
UNREADABLE = (ReadingStatus.NO_TEXT, ReadingStatus.ENCRYPTED, ReadingStatus.DAMAGED)

REASONS = {
    ReadingStatus.PENDING: _("The text of this document has not been read yet."),
    ReadingStatus.NO_TEXT: _(
        "No text was found in this document: it is probably made of scanned images. It "
        "cannot be searched; upload a version with a text layer (after OCR) to make it so."
    ),
    ReadingStatus.ENCRYPTED: _(
        "This document is protected by a password: its text cannot be read, and visitors "
        "will not be able to open it. Upload a version without a password."
    ),
    ReadingStatus.DAMAGED: _(
        "This document is damaged and could not be read. Export it again from the program "
        "that made it, then replace the file."
    ),
    ReadingStatus.UNSUPPORTED: _(
        "The text of this format is not read (legacy .doc, .xls, .ppt files and images): "
        "save it as PDF, DOCX or ODT to make it searchable."
    ),
}

#: What ``_zip_problem`` says of an archive that would expand past the limit.
TOO_LARGE = "expands past MAX_UNCOMPRESSED_BYTES"

OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_FORMATS = ("odt", "ods", "odp")
TEXT_FORMATS = ("txt", "csv")


@dataclasses.dataclass
class Reading:
    status: str
    text: str = ""
    page_count: int | None = None
    detail: str = ""


class _Budget:
    """Time and size limits of one reading."""

    def __init__(self):
        self.deadline = time.monotonic() + MAX_SECONDS
        self.characters = 0
        self.truncated = False

    def take(self, text):
        """``text`` cut to what the budget still allows; False once it is spent."""
        if self.truncated:
            return None
        if time.monotonic() > self.deadline or self.characters >= MAX_CHARACTERS:
            self.truncated = True
            return None
        text = text[: MAX_CHARACTERS - self.characters]
        self.characters += len(text)
        return text


def extension_of(name):
    return PurePath(name or "").suffix.lower().lstrip(".")


def _clean(text):
    """Text without NUL characters (PostgreSQL refuses them) and with tidy whitespace."""
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)


def _finish(parts, page_count, budget, problems=""):
    text = _clean("\n\n".join(part for part in parts if part))
    details = [problems] if problems else []
    if budget.truncated:
        details.append(f"text cut after {budget.characters} characters or {MAX_SECONDS} s")
    if not any(character.isalnum() for character in text):
        return Reading(ReadingStatus.NO_TEXT, "", page_count, "; ".join(details))
    return Reading(ReadingStatus.READ, text, page_count, "; ".join(details))


# --- PDF --------------------------------------------------------------------------------


def _open_pdf(data):
    """A pypdf reader decrypted with the empty password if it can be, and an error status."""
    from pypdf import PdfReader  # pypdf is imported only when a PDF is read

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")
        except Exception as error:  # an encryption scheme pypdf cannot undo here
            return None, Reading(ReadingStatus.ENCRYPTED, detail=str(error)[:300])
        if not unlocked:
            return None, Reading(ReadingStatus.ENCRYPTED, detail="a password is needed")
    return reader, None


def read_pdf(data):
    try:
        reader, refusal = _open_pdf(data)
        if refusal:
            return refusal
        page_count = len(reader.pages)
    except Exception as error:  # a damaged file makes the parser trip over anything
        return Reading(ReadingStatus.DAMAGED, detail=f"{type(error).__name__}: {error}"[:300])
    if page_count == 0:
        return Reading(ReadingStatus.DAMAGED, page_count=0, detail="no page")
    budget, parts, failed = _Budget(), [], 0
    for number in range(min(page_count, MAX_PAGES)):
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception:  # one broken page does not stop the others
            failed += 1
            continue
        kept = budget.take(text)
        if kept is None:
            break
        parts.append(kept)
    if page_count > MAX_PAGES:
        budget.truncated = True
    if failed == min(page_count, MAX_PAGES):
        return Reading(ReadingStatus.DAMAGED, page_count=page_count, detail="no page could be read")
    problems = f"{failed} page(s) could not be read" if failed else ""
    return _finish(parts, page_count, budget, problems)


# --- Office files -----------------------------------------------------------------------


def _zip_problem(data, extension):
    """Why a ZIP-based office file cannot be read, or None."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return "not a ZIP container"
    with archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
            return TOO_LARGE
        names = set(archive.namelist())
        required = OOXML_PARTS.get(extension) or "content.xml"
        if required not in names:
            return f"{required} is missing"
        try:
            broken = archive.testzip()
        except Exception as error:  # a truncated archive
            return f"{type(error).__name__}: {error}"[:300]
        if broken:
            return f"{broken} is damaged"
    return None


WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
PRESENTATION = "http://schemas.openxmlformats.org/presentationml/2006/main"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _paragraphs(root, namespace):
    """The text of each paragraph (``p``) under ``root``, in document order: runs' texts
    (``t``) joined, tabs and line breaks as spaces. Tables' cells hold paragraphs too."""
    paragraph, text, tab, brk = (f"{{{namespace}}}{tag}" for tag in ("p", "t", "tab", "br"))
    for element in root.iter(paragraph):
        pieces = []
        for node in element.iter():
            if node.tag == text:
                pieces.append(node.text or "")
            elif node.tag in (tab, brk):
                pieces.append(" ")
        yield "".join(pieces)


def read_docx(data, budget):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = ElementTree.fromstring(archive.read(OOXML_PARTS["docx"]))
    parts = []
    for text in _paragraphs(body, WORD):
        kept = budget.take(text)
        if kept is None:
            break
        parts.append(kept)
    return parts, _office_page_count(data)


def _slide_names(archive):
    """The slides' part names in the presentation's order (its ``sldIdLst``)."""
    presentation = ElementTree.fromstring(archive.read(OOXML_PARTS["pptx"]))
    relationships = ElementTree.fromstring(archive.read("ppt/_rels/presentation.xml.rels"))
    targets = {
        link.get("Id"): link.get("Target", "")
        for link in relationships.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship")
    }
    names = []
    for slide in presentation.iter(f"{{{PRESENTATION}}}sldId"):
        target = targets.get(slide.get(f"{{{OFFICE_RELATIONSHIPS}}}id"), "")
        names.append(target.lstrip("/") if target.startswith("/") else f"ppt/{target}")
    return names


def read_pptx(data, budget):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = _slide_names(archive)
        parts = []
        for name in names:
            slide = ElementTree.fromstring(archive.read(name))
            texts = [text for text in _paragraphs(slide, DRAWING) if text]
            kept = budget.take("\n".join(texts))
            if kept is None:
                break
            parts.append(kept)
    return parts, len(names)


def read_xlsx(data, budget):
    from openpyxl import load_workbook  # openpyxl comes with Wagtail (its spreadsheet exports)

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                line = " ".join(str(value) for value in row if value not in (None, ""))
                if line:
                    kept = budget.take(line)
                    if kept is None:
                        return parts, None
                    parts.append(kept)
    finally:
        workbook.close()
    return parts, None


def _office_page_count(data):
    """The page count an office suite recorded in docProps/app.xml, if any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("docProps/app.xml"))
    except Exception:  # no such part, or not XML: the count is unknown
        return None
    for element in root.iter():
        if element.tag.endswith("}Pages") and (element.text or "").isdigit():
            return int(element.text)
    return None


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def read_odf(data, budget):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = ElementTree.fromstring(archive.read("content.xml"))
        try:
            meta = ElementTree.fromstring(archive.read("meta.xml"))
        except KeyError:
            meta = None
    parts = []
    for element in content.iter():
        if element.tag in (f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"):
            kept = budget.take("".join(element.itertext()))
            if kept is None:
                break
            parts.append(kept)
    page_count = None
    if meta is not None:
        for element in meta.iter(f"{{{ODF_META}}}document-statistic"):
            count = element.get(f"{{{ODF_META}}}page-count")
            if count and count.isdigit():
                page_count = int(count)
    return parts, page_count


OFFICE_READERS = {
    "docx": read_docx,
    "pptx": read_pptx,
    "xlsx": read_xlsx,
    "odt": read_odf,
    "ods": read_odf,
    "odp": read_odf,
}


def read_office(data, extension):
    problem = _zip_problem(data, extension)
    if problem:
        return Reading(ReadingStatus.DAMAGED, detail=problem)
    budget = _Budget()
    try:
        parts, page_count = OFFICE_READERS[extension](data, budget)
    except Exception as error:  # a damaged file makes the parser trip over anything
        return Reading(ReadingStatus.DAMAGED, detail=f"{type(error).__name__}: {error}"[:300])
    return _finish(parts, page_count, budget)


def read_plain_text(data):
    budget = _Budget()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    return _finish([budget.take(text) or ""], None, budget)


def read_document(data, name):
    """The text of a document's bytes ``data``, read by the reader of its extension."""
    extension = extension_of(name)
    if extension == "pdf":
        return read_pdf(data)
    if extension in OFFICE_READERS:
        return read_office(data, extension)
    if extension in TEXT_FORMATS:
        return read_plain_text(data)
    return Reading(ReadingStatus.UNSUPPORTED, detail=f".{extension} files are not read")


# --- Uploads ----------------------------------------------------------------------------


def upload_problem(data, name):
    """What makes an upload unusable (a message for the editor), or None.

    A PDF must open (leniently: most small defects are repaired on the way) and not need a
    password; an office file must be the container its extension says, with its main part.
    A scanned PDF is accepted: its text is missing, which the library flags after the save.
    """
    extension = extension_of(name)
    if extension == "pdf":
        try:
            reader, refusal = _open_pdf(data)
            if refusal:
                return _(
                    "This PDF is protected by a password: visitors could not open it. "
                    "Upload a version without a password."
                )
            if len(reader.pages) == 0:
                raise ValueError("no page")
        except Exception:  # a damaged file makes the parser trip over anything
            return _(
                "This PDF is damaged and cannot be opened. Export it again from the program "
                "that made it."
            )
        return None
    if extension in OFFICE_READERS:
        problem = _zip_problem(data, extension)
        if problem == TOO_LARGE:
            return _(
                "This file would expand to more than %(size)d MB once uncompressed: it "
                "cannot be accepted."
            ) % {"size": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)}
        if problem:
            return _(
                "This file is not a valid “%(extension)s” document: it is damaged, or it is "
                "a file of another format renamed."
            ) % {"extension": extension}
    return None
