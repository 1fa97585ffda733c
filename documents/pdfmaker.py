"""A very small PDF writer: a few pages of plain text in Helvetica.

Enough for the demo documents (the launch communiqué) and for tests, without any network or
binary dependency. Text is encoded in WinAnsi, so French accents and typographic quotes work."""

import textwrap

_LINE_WIDTH = 90
_LINES_PER_PAGE = 48


def _escape(line):
    encoded = line.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(paragraphs, *, title=""):
    """The bytes of a PDF whose pages hold these paragraphs, wrapped, the title in bold."""
    lines = []
    if title:
        lines += [("title", line) for line in textwrap.wrap(title, 60)] + [("text", "")]
    for paragraph in paragraphs:
        lines += [("text", line) for line in textwrap.wrap(paragraph, _LINE_WIDTH)] or [
            ("text", "")
        ]
        lines.append(("text", ""))
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]
    pages = pages or [[]]

    objects = []  # object number n is objects[n - 1]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(None)  # the page tree, written once the pages are known
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    page_numbers = []
    for page in pages:
        stream = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 790 Td"]
        for style, line in page:
            font = b"/F2 14 Tf" if style == "title" else b"/F1 11 Tf"
            stream += [font, b"(" + _escape(line) + b") Tj", b"T*"]
        stream.append(b"ET")
        content = b"\n".join(stream)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content_number
        )
        page_numbers.append(len(objects))
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    if title:
        objects.append(b"<< /Title (" + _escape(title) + b") /Producer (contrelatraite) >>")
        info = b" /Info %d 0 R" % len(objects)
    else:
        info = b""

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)
