"""Media made by the project at load time: small JPEG images drawn with Pillow and
one-page PDF documents, so the demo ships no third-party files and no licence question.
"""

import io
import math
import zlib

from PIL import Image, ImageDraw

IMAGE_SIZE = (1200, 600)


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def draw_image(colours, motif, size=IMAGE_SIZE):
    """A gradient between two colours with a simple motif, as JPEG bytes."""
    width, height = size
    start, end = _hex(colours[0]), _hex(colours[1])
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for x in range(width):
        t = x / (width - 1)
        draw.line(
            [(x, 0), (x, height)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True)),
        )
    light = (255, 255, 255)
    if motif == "circles":
        for i in range(5):
            r = 60 + 40 * i
            draw.ellipse(
                [300 + 120 * i - r, 300 - r, 300 + 120 * i + r, 300 + r], outline=light, width=6
            )
    elif motif == "steps":
        for i in range(6):
            draw.rectangle([150 + 150 * i, 500 - 60 * i, 290 + 150 * i, 540], fill=light)
    elif motif == "rays":
        for i in range(16):
            angle = i * math.pi / 8
            draw.line(
                [(600, 300), (600 + 280 * math.cos(angle), 300 + 280 * math.sin(angle))],
                fill=light,
                width=8,
            )
        draw.ellipse([540, 240, 660, 360], fill=light)
    elif motif == "rings":
        for i in range(3):
            draw.ellipse([330 + 180 * i, 170, 590 + 180 * i, 430], outline=light, width=14)
    elif motif == "bars":
        for i in range(7):
            draw.rectangle([180 + 125 * i, 520 - 55 * (i + 1), 270 + 125 * i, 520], fill=light)
    elif motif == "dots":
        for row in range(4):
            for col in range(10):
                x, y = 150 + 100 * col, 150 + 100 * row
                draw.ellipse([x - 25, y - 25, x + 25, y + 25], fill=light)
    elif motif == "tiles":
        for row in range(3):
            for col in range(6):
                if (row + col) % 2 == 0:
                    draw.rectangle(
                        [120 + 160 * col, 120 + 130 * row, 250 + 160 * col, 220 + 130 * row],
                        fill=light,
                    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70, optimize=True)
    return buffer.getvalue()


def _pdf_text(text):
    """A PDF literal string in WinAnsi (cp1252), with its specials escaped."""
    raw = text.encode("cp1252", errors="replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def make_pdf(title, lines):
    """A minimal valid one-page PDF (A4) with a title and lines of text, as bytes."""
    content = [b"BT", b"/F1 18 Tf", b"56 780 Td", _pdf_text(title) + b" Tj", b"/F1 11 Tf"]
    for line in lines:
        content += [b"0 -22 Td", _pdf_text(line) + b" Tj"]
    content.append(b"ET")
    stream = zlib.compress(b"\n".join(content))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _pdf_text(title) + b" /Producer (ess-site demo) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n" % (len(objects) + 1))
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()
