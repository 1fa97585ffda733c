"""Uploaded files for tests: images made by Pillow, PDFs and impostors."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt="PNG", size=(40, 20), color=(200, 30, 40), **save):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_upload(name="logo.png", **kwargs):
    return upload(name, image_bytes("PNG", **kwargs), "image/png")


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf_upload(name="rapport.pdf", content=PDF):
    return upload(name, content, "application/pdf")


def png_bomb(width=30_000, height=30_000):
    """A tiny PNG whose header claims a huge image: decoding it would need gigabytes."""
    raw = image_bytes("PNG", size=(1, 1))
    ihdr_start = raw.index(b"IHDR")
    header = struct.pack(">II", width, height) + raw[ihdr_start + 12 : ihdr_start + 17]
    chunk = b"IHDR" + header
    patched = chunk + struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return raw[:ihdr_start] + patched + raw[ihdr_start + len(patched) :]
