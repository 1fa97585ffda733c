"""Checks and clean-up of uploaded files, shared by every app that accepts uploads.

Images are identified by their content (never by their name), refused if they could exhaust
memory when decoded, then re-encoded by Pillow: the copy that is kept carries no metadata
(camera, GPS position, author) and no payload hidden after the image data. PDFs are identified
by their header. Each refusal is a ValidationError with a message in the visitor's language;
used through the form fields below, a refused upload leaves the saved file untouched.
"""

import io
import warnings
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MB = 1024 * 1024
IMAGE_MAX_BYTES = 5 * MB
PDF_MAX_BYTES = 20 * MB
# Far beyond any logo or photo worth publishing, far below what would exhaust the server's
# memory: a larger image is refused from its header, before any pixel is decoded.
IMAGE_MAX_PIXELS = 40_000_000
# Pillow format → extension of the re-encoded copy.
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def _head(upload, size=1024):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _too_large(upload, limit):
    return ValidationError(
        _("This file is %(size)s; the limit is %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
    )


def _safe_stem(name, default):
    return slugify(Path(name or "").stem)[:60] or default


def looks_like_svg(head):
    start = head.lstrip().lower()
    return start.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in start[:1024]


def clean_image(upload, *, max_side=1200):
    """Return a re-encoded copy of the uploaded PNG, JPEG or WebP image, at most `max_side`
    pixels wide and high, without metadata; raise ValidationError otherwise."""
    if upload.size > IMAGE_MAX_BYTES:
        raise _too_large(upload, IMAGE_MAX_BYTES)
    head = _head(upload)
    if looks_like_svg(head) or (upload.name or "").lower().endswith(".svg"):
        raise ValidationError(
            _("SVG images are not accepted (they can carry scripts). Send a PNG, JPEG or WebP."),
            code="svg",
        )
    not_an_image = ValidationError(
        _("This file is not a PNG, JPEG or WebP image, or it is damaged."), code="invalid_image"
    )
    bomb = ValidationError(
        _("This image is too large once decoded (over %(pixels)s million pixels)."),
        code="too_many_pixels",
        params={"pixels": IMAGE_MAX_PIXELS // 1_000_000},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)  # reads the header only
            if image.format not in IMAGE_FORMATS:
                raise not_an_image
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise bomb
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise bomb from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            raise not_an_image from error
    image_format = image.format
    image = ImageOps.exif_transpose(image)
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


def check_pdf(upload):
    """Return the upload if it is a PDF (by its header) within the size limit."""
    if upload.size > PDF_MAX_BYTES:
        raise _too_large(upload, PDF_MAX_BYTES)
    if not _head(upload).lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    upload.name = f"{_safe_stem(upload.name, 'document')}.pdf"
    return upload


class ImageUploadField(forms.FileField):
    """A form field for logos and pictures: checked and re-encoded by clean_image."""

    def __init__(self, *args, max_side=1200, **kwargs):
        self.max_side = max_side
        kwargs.setdefault("help_text", _("PNG, JPEG or WebP, up to 5 MB. SVG is not accepted."))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "image/png,image/jpeg,image/webp")

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_image(upload, max_side=self.max_side) if upload else upload


class PdfUploadField(forms.FileField):
    """A form field for documents: a PDF by its content, up to 20 MB."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("PDF, up to 20 MB."))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "application/pdf")

    def to_python(self, data):
        upload = super().to_python(data)
        return check_pdf(upload) if upload else upload
