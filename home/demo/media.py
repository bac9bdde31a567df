"""Documents made by the project at load time: one-page PDF files, so that the demo ships
no third-party files. The demo's images are the project's illustrations
(``illustrations.py``).
"""

import io
import zlib


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
