"""The one checker of uploaded files, used by every upload of the site: the library's texts and
the collective's documents (which annexes of the minutes are), activity reports, logos and news
images.

`check_upload(upload, accept=..., max_bytes=...)` refuses a file over the field's size limit or
whose content (never its name) is not of a type the field accepts. On top of it, images are
refused if they could exhaust memory when decoded, then re-encoded by Pillow (`clean_image`):
the copy that is kept carries no metadata (camera, GPS position, author) and no payload hidden
after the image data. Used through the form fields below, a refused upload leaves the saved
file untouched; the library's model fields use the validators below.

Each refusal is a ValidationError with a message in the visitor's language and one of these
codes, the same whatever the field:
- "too_large": over the field's size limit;
- "wrong_type": not a type the field accepts, by its content (or an image too damaged to read);
- "svg": an SVG image (it can carry scripts);
- "too_many_pixels": an image too large once decoded.
"""

import io
import warnings
import zipfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

TOO_LARGE = "too_large"
WRONG_TYPE = "wrong_type"
SVG = "svg"
TOO_MANY_PIXELS = "too_many_pixels"

MB = 1024 * 1024
# Every size limit, here. The library's files are allowed more than what members send: official
# publications and reports run long, and a model field's validators check the stored file again
# at each save, so a lower limit would make a text already kept there impossible to save.
IMAGE_MAX_BYTES = 5 * MB
PDF_MAX_BYTES = 20 * MB
LIBRARY_MAX_BYTES = 30 * MB
# Far beyond any logo or photo worth publishing, far below what would exhaust the server's
# memory: a larger image is refused from its header, before any pixel is decoded.
IMAGE_MAX_PIXELS = 40_000_000

PDF, ODT, DOCX = "pdf", "odt", "docx"
# Pillow format → extension of the re-encoded copy.
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}

# What a field accepts, and what it says of a file that is something else.
ACCEPT_PDF = frozenset({PDF})
ACCEPT_TEXT = frozenset({PDF, ODT, DOCX})  # the collective's documents: members adapt them
ACCEPT_IMAGE = frozenset(IMAGE_FORMATS)
WRONG_TYPE_MESSAGES = {
    ACCEPT_PDF: _("This file is not a PDF document."),
    ACCEPT_TEXT: _("This file is neither a PDF nor an ODT or DOCX text document."),
    ACCEPT_IMAGE: _("This file is not a PNG, JPEG or WebP image, or it is damaged."),
}


def _head(upload, size=1024):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _safe_stem(name, default):
    return slugify(Path(name or "").stem)[:60] or default


def looks_like_svg(head):
    start = head.lstrip().lower()
    return start.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in start[:1024]


def sniff(file):
    """The type of a file from its content: "pdf", "odt", "docx" or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    head = _head(file)
    kind = None
    if head.lstrip().startswith(b"%PDF-"):
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


def _image_format(upload):
    """The Pillow format of an image that decodes whole within the pixel limit, else None;
    SVG and decompression bombs are refused outright."""
    if looks_like_svg(_head(upload)) or (upload.name or "").lower().endswith(".svg"):
        raise ValidationError(
            _("SVG images are not accepted (they can carry scripts). Send a PNG, JPEG or WebP."),
            code=SVG,
        )
    bomb = ValidationError(
        _("This image is too large once decoded (over %(pixels)s million pixels)."),
        code=TOO_MANY_PIXELS,
        params={"pixels": IMAGE_MAX_PIXELS // 1_000_000},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload) as image:  # reads the header only
                if image.format not in IMAGE_FORMATS:
                    return image.format  # refused as it is, never decoded
                if image.width * image.height > IMAGE_MAX_PIXELS:
                    raise bomb
                image.load()  # a truncated or damaged image fails here
                return image.format
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise bomb from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            return None
        finally:
            upload.seek(0)


def check_upload(upload, *, accept, max_bytes):
    """Refuse `upload` (ValidationError) if it is over `max_bytes` or its content is not of a
    type of `accept` (ACCEPT_PDF, ACCEPT_TEXT or ACCEPT_IMAGE). Return the type found: "pdf",
    "odt", "docx", or the image's Pillow format ("PNG", "JPEG", "WEBP")."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code=TOO_LARGE,
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    kind = _image_format(upload) if accept == ACCEPT_IMAGE else sniff(upload)
    if kind not in accept:
        raise ValidationError(WRONG_TYPE_MESSAGES[accept], code=WRONG_TYPE)
    return kind


def clean_image(upload, *, max_side=1200):
    """Return a re-encoded copy of the uploaded PNG, JPEG or WebP image, at most `max_side`
    pixels wide and high, without metadata; raise ValidationError otherwise."""
    image_format = check_upload(upload, accept=ACCEPT_IMAGE, max_bytes=IMAGE_MAX_BYTES)
    image = ImageOps.exif_transpose(Image.open(upload))
    image.thumbnail((max_side, max_side))
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    output = io.BytesIO()
    # Saved without exif, icc_profile or text chunks: the copy keeps the pixels only.
    image.save(output, format=image_format, optimize=True)
    name = f"{_safe_stem(upload.name, 'image')}.{IMAGE_FORMATS[image_format]}"
    return ContentFile(output.getvalue(), name=name)


def clean_pdf(upload, *, max_bytes=PDF_MAX_BYTES):
    """Return the upload, checked as a PDF within `max_bytes`, under a safe name."""
    check_upload(upload, accept=ACCEPT_PDF, max_bytes=max_bytes)
    upload.name = f"{_safe_stem(upload.name, 'document')}.pdf"
    return upload


# --- Model field validators (the library's files) --------------------------------------------


def validate_library_pdf(file):
    """Legal texts are kept as PDF, the format official bodies publish them in."""
    check_upload(file, accept=ACCEPT_PDF, max_bytes=LIBRARY_MAX_BYTES)


def validate_library_document(file):
    """The collective's documents may also be editable (ODT or DOCX): members adapt them."""
    check_upload(file, accept=ACCEPT_TEXT, max_bytes=LIBRARY_MAX_BYTES)


# --- Form fields ------------------------------------------------------------------------------


def _help_text(message, max_bytes):
    # Lazy: form fields are built at import time, before any request chose a language.
    return lazy(lambda: message % {"megabytes": max_bytes // MB}, str)()


class ImageUploadField(forms.FileField):
    """A form field for logos and pictures: checked and re-encoded by clean_image."""

    def __init__(self, *args, max_side=1200, **kwargs):
        self.max_side = max_side
        kwargs.setdefault(
            "help_text",
            _help_text(
                _("PNG, JPEG or WebP, up to %(megabytes)d MB. SVG is not accepted."),
                IMAGE_MAX_BYTES,
            ),
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "image/png,image/jpeg,image/webp")

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_image(upload, max_side=self.max_side) if upload else upload


class PdfUploadField(forms.FileField):
    """A form field for documents: a PDF by its content, up to `max_bytes`."""

    def __init__(self, *args, max_bytes=PDF_MAX_BYTES, **kwargs):
        self.max_bytes = max_bytes
        kwargs.setdefault("help_text", _help_text(_("PDF, up to %(megabytes)d MB."), max_bytes))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "application/pdf")

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_pdf(upload, max_bytes=self.max_bytes) if upload else upload
