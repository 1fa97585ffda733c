"""Uploads are checked by what they contain, not by what their name says."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_SIZE = 30 * 1024 * 1024

PDF = "pdf"
ODT = "odt"
DOCX = "docx"


def sniff(file):
    """The type of an uploaded file from its first bytes: "pdf", "odt", "docx" or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument.text"
                ):
                    kind = ODT
                elif "[Content_Types].xml" in names and "word/document.xml" in names:
                    kind = DOCX
        except zipfile.BadZipFile:
            kind = None
    file.seek(position)
    return kind


def _check_size(file):
    if file.size > MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("This file weighs %(size)s; the limit is %(limit)s."),
            code="too_big",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(MAX_UPLOAD_SIZE),
            },
        )


def validate_pdf(file):
    """Legal texts are kept as PDF, the format official bodies publish them in."""
    _check_size(file)
    if sniff(file) != PDF:
        raise ValidationError(
            _("This file is not a PDF document. Please upload the text as a PDF."),
            code="not_pdf",
        )


def validate_document_file(file):
    """The collective's documents may also be editable (ODT or DOCX): members adapt them."""
    _check_size(file)
    if sniff(file) not in {PDF, ODT, DOCX}:
        raise ValidationError(
            _("This file is neither a PDF nor an ODT or DOCX text document."),
            code="bad_type",
        )
