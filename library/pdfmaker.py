"""Real, multi-page PDF documents for the demo, made with reportlab; covers from page one.

``render_pdf(spec)`` lays out a document the way the movement would publish one: a cover
page (the logo, the kind, the title, the publisher, the date), then headed sections of
paragraphs, a table and a bar chart, a footer with the title and "page n of N" on every
page, and the metadata a reader or a search engine reads (title, author, subject,
keywords, language). ``render_cover(data)`` renders the first page (pypdfium2) as a JPEG.
"""

import dataclasses
import datetime
import io
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.frames import Frame

TEAL = colors.HexColor("#00594f")
DEEP = colors.HexColor("#00332d")
SUN = colors.HexColor("#ffd24d")
INK = colors.HexColor("#16201e")
MUTED = colors.HexColor("#48524f")
SURFACE = colors.HexColor("#eef3f1")
CHANTIER_COLOURS = {
    "training": colors.HexColor("#9a4500"),
    "social_innovation": colors.HexColor("#6b2fa0"),
    "cooperation": colors.HexColor("#005f8f"),
    "impact": colors.HexColor("#3d6b00"),
}

FOOTER = {"fr": "page %(page)d sur %(total)d", "en": "page %(page)d of %(total)d"}


@dataclasses.dataclass
class PdfSpec:
    title: str
    kind: str
    publisher: str
    author: str
    language: str
    date: datetime.date
    summary: str
    sections: list  # [(heading, [paragraph, ...]), ...]
    table: tuple | None = None  # (caption, header row, rows)
    chart: tuple | None = None  # (title, unit, [(label, value), ...])
    theme: str = "impact"
    keywords: tuple = ()
    #: Start each section on a page of its own.
    break_sections: bool = False


@lru_cache(maxsize=1)
def logo_png():
    """The movement's logo (site/static/img/brand/logo.svg) as PNG bytes."""
    import resvg_py  # rendering only: the demo loader and the brand script use it

    svg = (Path(settings.BASE_DIR) / "site" / "static" / "img" / "brand" / "logo.svg").read_text()
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=720))


def _styles(accent):
    base = getSampleStyleSheet()
    return {
        "body": ParagraphStyle(
            "body",
            parent=base["BodyText"],
            fontName="Helvetica",
            fontSize=10.5,
            leading=15,
            textColor=INK,
            spaceAfter=8,
            alignment=TA_LEFT,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base["Heading1"],
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=8,
        ),
        "cover_kind": ParagraphStyle(
            "cover_kind",
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=16,
            textColor=SUN,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            fontName="Helvetica-Bold",
            fontSize=26,
            leading=31,
            textColor=colors.white,
            spaceBefore=6,
            spaceAfter=10,
        ),
        "cover_text": ParagraphStyle(
            "cover_text",
            fontName="Helvetica",
            fontSize=11.5,
            leading=16,
            textColor=colors.white,
            spaceAfter=6,
        ),
        "caption": ParagraphStyle(
            "caption",
            fontName="Helvetica-Bold",
            fontSize=10,
            leading=13,
            textColor=MUTED,
            spaceBefore=6,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=9.5, leading=12),
    }


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chart(title, unit, rows, accent, width):
    """A horizontal bar chart as a reportlab drawing."""
    label_width, value_width, bar_height, gap = 150, 70, 14, 8
    height = len(rows) * (bar_height + gap) + 10
    drawing = Drawing(width, height)
    highest = max(abs(value) for _label, value in rows) or 1
    bar_space = width - label_width - value_width
    for position, (label, value) in enumerate(rows):
        y = height - (position + 1) * (bar_height + gap)
        drawing.add(String(0, y + 3, label[:32], fontName="Helvetica", fontSize=9, fillColor=INK))
        length = max(2, bar_space * abs(value) / highest)
        drawing.add(Rect(label_width, y, length, bar_height, fillColor=accent, strokeColor=None))
        shown = f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:.1f}"
        drawing.add(
            String(
                label_width + length + 6,
                y + 3,
                f"{shown} {unit}",
                fontName="Helvetica-Bold",
                fontSize=9,
                fillColor=INK,
            )
        )
    return drawing


class _Document(BaseDocTemplate):
    """Two page templates (the cover, the text) and "page n of N" in the footer."""

    def __init__(self, buffer, spec, accent):
        super().__init__(
            buffer,
            pagesize=A4,
            title=spec.title,
            author=spec.author,
            subject=spec.summary[:250],
            keywords=", ".join(spec.keywords),
            creator="Mouvement ESS",
            lang=spec.language,
            leftMargin=22 * mm,
            rightMargin=22 * mm,
            topMargin=24 * mm,
            bottomMargin=22 * mm,
        )
        self.spec = spec
        self.accent = accent
        self.total_pages = 0
        width, height = A4
        cover = Frame(22 * mm, 40 * mm, width - 44 * mm, height - 120 * mm, id="cover")
        text = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="text")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover], onPage=self._draw_cover),
                PageTemplate(id="text", frames=[text], onPage=self._draw_page),
            ]
        )

    def _draw_cover(self, canvas, document):
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(DEEP)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setFillColor(self.accent)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.roundRect(18 * mm, height - 62 * mm, 84 * mm, 38 * mm, 4 * mm, stroke=0, fill=1)
        logo = io.BytesIO(logo_png())
        canvas.drawImage(
            ImageReader(logo),
            22 * mm,
            height - 58 * mm,
            width=76 * mm,
            height=30 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )
        self._draw_footer(canvas, light=True)
        canvas.restoreState()

    def _draw_page(self, canvas, document):
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(self.accent)
        canvas.rect(0, height - 6 * mm, width, 6 * mm, stroke=0, fill=1)
        canvas.setFont("Helvetica-Bold", 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(22 * mm, height - 14 * mm, self.spec.publisher[:90])
        self._draw_footer(canvas)
        canvas.restoreState()

    def _draw_footer(self, canvas, light=False):
        width, _height = A4
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(colors.white if light else MUTED)
        canvas.drawString(22 * mm, 12 * mm, self.spec.title[:80])
        footer = FOOTER.get(self.spec.language, FOOTER["en"]) % {
            "page": canvas.getPageNumber(),
            "total": self.total_pages or canvas.getPageNumber(),
        }
        canvas.drawRightString(width - 22 * mm, 12 * mm, footer)


def _story(spec, styles, accent, width):
    story = [
        Spacer(1, 40 * mm),
        Paragraph(_escape(spec.kind.upper()), styles["cover_kind"]),
        Paragraph(_escape(spec.title), styles["cover_title"]),
        Paragraph(_escape(spec.publisher), styles["cover_text"]),
        Paragraph(_escape(spec.author), styles["cover_text"]),
        Paragraph(spec.date.strftime("%m/%Y"), styles["cover_text"]),
        Spacer(1, 8 * mm),
        Paragraph(_escape(spec.summary), styles["cover_text"]),
        NextPageTemplate("text"),
        PageBreak(),
    ]
    for position, (heading, paragraphs) in enumerate(spec.sections):
        if position and spec.break_sections:
            story.append(PageBreak())
        story.append(Paragraph(_escape(heading), styles["h1"]))
        story.extend(Paragraph(_escape(text), styles["body"]) for text in paragraphs)
        if position == 1 and spec.table:
            caption, header, rows = spec.table
            data = [[Paragraph(f"<b>{_escape(cell)}</b>", styles["cell"]) for cell in header]]
            data += [
                [Paragraph(_escape(str(cell)), styles["cell"]) for cell in row] for row in rows
            ]
            table = Table(
                data, repeatRows=1, hAlign="LEFT", colWidths=[width / len(header)] * len(header)
            )
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), SURFACE),
                        ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(KeepTogether([Paragraph(_escape(caption), styles["caption"]), table]))
        if position == 2 and spec.chart:
            title, unit, rows = spec.chart
            story.append(
                KeepTogether(
                    [
                        Paragraph(_escape(title), styles["caption"]),
                        _chart(title, unit, rows, accent, width),
                    ]
                )
            )
    return story


def render_pdf(spec):
    """The PDF of ``spec``, as bytes (laid out twice: the second pass knows the total)."""
    accent = CHANTIER_COLOURS.get(spec.theme, TEAL)
    styles = _styles(accent)
    total = 0
    for _pass in range(2):
        buffer = io.BytesIO()
        document = _Document(buffer, spec, accent)
        document.total_pages = total
        document.build(_story(spec, styles, accent, document.width))
        total = document.page
    return buffer.getvalue()


def render_cover(data, width=600):
    """The first page of a PDF as JPEG bytes, ``width`` pixels wide."""
    import pypdfium2  # rendering only: the demo loader makes covers with it

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        scale = width / page.get_width()
        picture = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def scanned_pdf(title):
    """A PDF made of a picture only, as a scanner makes it: no text to read."""
    from reportlab.pdfgen.canvas import Canvas

    picture = io.BytesIO(
        render_cover(
            render_pdf(
                PdfSpec(
                    title=title,
                    kind="",
                    publisher="",
                    author="",
                    language="fr",
                    date=datetime.date(2010, 9, 1),
                    summary="",
                    sections=[("", [""])],
                )
            )
        )
    )
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(title)
    width, height = A4
    canvas.drawImage(ImageReader(picture), 0, 0, width=width, height=height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
