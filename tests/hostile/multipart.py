"""Multipart bodies written by hand: the test client cleans file names (it keeps their last
path component), and an attacker's client does not."""

import io
import secrets
import struct
import zlib

from PIL import Image


def as_bytes(value):
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


def multipart(fields=None, files=()):
    """(body, content type) of a form with `fields` {name: value or [values]} and `files`
    [(field name, file name, content, content type)], names and values sent byte for byte."""
    boundary = f"hostile{secrets.token_hex(8)}".encode()
    body = io.BytesIO()
    for name, values in (fields or {}).items():
        for value in values if isinstance(values, list) else [values]:
            body.write(b"--" + boundary + b"\r\n")
            body.write(b'Content-Disposition: form-data; name="' + as_bytes(name) + b'"\r\n\r\n')
            body.write(as_bytes(value) + b"\r\n")
    for name, filename, content, content_type in files:
        body.write(b"--" + boundary + b"\r\n")
        body.write(
            b'Content-Disposition: form-data; name="'
            + as_bytes(name)
            + b'"; filename="'
            + as_bytes(filename)
            + b'"\r\n'
        )
        body.write(b"Content-Type: " + as_bytes(content_type) + b"\r\n\r\n")
        body.write(content + b"\r\n")
    body.write(b"--" + boundary + b"--\r\n")
    return body.getvalue(), f"multipart/form-data; boundary={boundary.decode()}"


def post_multipart(client, url, fields=None, files=()):
    body, content_type = multipart(fields, files)
    return client.post(url, body, content_type=content_type)


def png(size=(40, 20), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def deflate_bomb_png(side=10_000):
    """A real PNG of side×side black pixels: some ten kilobytes on disk, a hundred megapixels
    (and hundreds of megabytes) once decoded."""
    width = height = side
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte + pixels
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, payload):
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
