import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from collectif import uploads
from tests.files import PDF, image_bytes, pdf_upload, png_bomb, upload


def reopen(content_file):
    return Image.open(io.BytesIO(content_file.read()))


@pytest.mark.parametrize(
    ("fmt", "name", "extension"),
    [("PNG", "logo.png", "png"), ("JPEG", "logo.jpeg", "jpg"), ("WEBP", "logo.webp", "webp")],
)
def test_png_jpeg_and_webp_are_accepted_and_re_encoded(fmt, name, extension):
    cleaned = uploads.clean_image(upload(name, image_bytes(fmt)))
    assert cleaned.name == f"logo.{extension}"
    assert reopen(cleaned).format == fmt


def test_image_is_identified_by_content_not_by_name():
    cleaned = uploads.clean_image(upload("logo.gif", image_bytes("JPEG")))
    assert cleaned.name == "logo.jpg"


def test_re_encoding_strips_metadata():
    exif = Image.Exif()
    exif[0x013B] = "Photographer name"  # Artist
    exif[0x010F] = "Camera maker"  # Make
    original = image_bytes("JPEG", exif=exif.tobytes())
    assert b"Photographer name" in original
    cleaned = uploads.clean_image(upload("photo.jpg", original)).read()
    assert b"Photographer name" not in cleaned
    assert b"Camera maker" not in cleaned
    assert not Image.open(io.BytesIO(cleaned)).getexif()


def test_large_image_is_resized():
    cleaned = uploads.clean_image(
        upload("big.png", image_bytes("PNG", size=(3000, 1500))), max_side=600
    )
    assert reopen(cleaned).size == (600, 300)


def test_svg_is_refused_even_under_an_image_name():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for name in ["logo.svg", "logo.png"]:
        with pytest.raises(ValidationError) as error:
            uploads.clean_image(upload(name, svg))
        assert error.value.code == "svg"


def test_text_file_is_not_an_image():
    with pytest.raises(ValidationError) as error:
        uploads.clean_image(upload("logo.png", b"just some text, not pixels"))
    assert error.value.code == "invalid_image"


def test_truncated_image_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.clean_image(upload("logo.png", image_bytes("PNG", size=(300, 300))[:200]))
    assert error.value.code == "invalid_image"


@pytest.mark.parametrize("side", [8_000, 30_000])
def test_decompression_bomb_is_refused_before_decoding(side):
    bomb = png_bomb(side, side)
    assert len(bomb) < 1_000
    with pytest.raises(ValidationError) as error:
        uploads.clean_image(upload("bomb.png", bomb))
    assert error.value.code == "too_many_pixels"


def test_image_over_5_mb_is_refused():
    oversized = upload("logo.png", image_bytes("PNG") + b"\0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        uploads.clean_image(oversized)
    assert error.value.code == "too_large"


def test_refusal_speaks_the_visitors_language():
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        uploads.clean_image(upload("logo.svg", b"<svg></svg>"))
    with translation.override("fr"):
        assert "Les images SVG ne sont pas acceptées" in error.value.messages[0]


def test_pdf_is_accepted_by_its_header():
    checked = uploads.check_pdf(pdf_upload("Rapport d'activité 2013.PDF"))
    assert checked.name == "rapport-dactivite-2013.pdf"


def test_text_file_named_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.check_pdf(upload("rapport.pdf", b"Not a PDF at all"))
    assert error.value.code == "not_pdf"


def test_pdf_over_20_mb_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.check_pdf(pdf_upload(content=PDF + b"\0" * (20 * 1024 * 1024)))
    assert error.value.code == "too_large"
    assert "20" in error.value.messages[0]


def test_form_fields_report_refusals_as_field_errors():
    from django import forms

    class Form(forms.Form):
        logo = uploads.ImageUploadField()
        report = uploads.PdfUploadField()

    form = Form(files={"logo": upload("a.svg", b"<svg/>"), "report": upload("a.pdf", b"text")})
    assert not form.is_valid()
    assert set(form.errors) == {"logo", "report"}
