import io
import zipfile

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
    assert error.value.code == "wrong_type"


def test_truncated_image_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.clean_image(upload("logo.png", image_bytes("PNG", size=(300, 300))[:200]))
    assert error.value.code == "wrong_type"


def test_truncated_image_is_still_refused_once_the_pdf_library_is_loaded():
    """WeasyPrint's import makes Pillow accept truncated images process-wide."""
    from meetings import pdf

    pdf.available()
    test_truncated_image_is_refused()


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
    checked = uploads.clean_pdf(pdf_upload("Rapport d'activité 2013.PDF"))
    assert checked.name == "rapport-dactivite-2013.pdf"


def test_text_file_named_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.clean_pdf(upload("rapport.pdf", b"Not a PDF at all"))
    assert error.value.code == "wrong_type"


def test_pdf_over_20_mb_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.clean_pdf(pdf_upload(content=PDF + b"\0" * (20 * 1024 * 1024)))
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


def sized(content_file, size):
    """The file, claiming `size` bytes: the limits are checked without building huge files."""
    content_file.size = size
    return content_file


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


# Every way an upload is checked: the library's model validators, the form fields' cleaners.
CHECKS = {
    "legal text": (uploads.validate_library_pdf, PDF, uploads.LIBRARY_MAX_BYTES),
    "collective's document": (uploads.validate_library_document, PDF, uploads.LIBRARY_MAX_BYTES),
    "activity report": (uploads.clean_pdf, PDF, uploads.PDF_MAX_BYTES),
    "image": (uploads.clean_image, image_bytes("PNG"), uploads.IMAGE_MAX_BYTES),
}


@pytest.mark.parametrize("check", CHECKS.values(), ids=CHECKS.keys())
def test_every_upload_speaks_the_same_codes(check):
    function, good, limit = check
    function(upload("good", good))
    function(sized(upload("just-under", good), limit))
    with pytest.raises(ValidationError) as error:
        function(sized(upload("big", good), limit + 1))
    assert error.value.code == uploads.TOO_LARGE
    with pytest.raises(ValidationError) as error:
        function(upload("notes.pdf", b"just some text, not a document"))
    assert error.value.code == uploads.WRONG_TYPE


def test_the_library_keeps_larger_files_than_members_send():
    report = sized(pdf_upload(), 25 * 1024 * 1024)
    uploads.validate_library_pdf(report)
    with pytest.raises(ValidationError) as error:
        uploads.clean_pdf(report)
    assert error.value.code == "too_large"


def test_the_collectives_documents_may_be_editable_texts_legal_texts_may_not():
    uploads.validate_library_document(upload("communique.odt", odt_bytes()))
    with pytest.raises(ValidationError) as error:
        uploads.validate_library_pdf(upload("communique.odt", odt_bytes()))
    assert error.value.code == "wrong_type"
    with translation.override("en"):
        assert error.value.messages == ["This file is not a PDF document."]


def test_a_pdf_field_takes_its_limit_as_a_parameter_and_says_it():
    field = uploads.PdfUploadField(max_bytes=2 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        field.clean(sized(pdf_upload(), 3 * 1024 * 1024))
    assert error.value.code == "too_large"
    with translation.override("en"):
        assert str(field.help_text) == "PDF, up to 2 MB."
    with translation.override("fr"):
        assert str(field.help_text) == "PDF, 2 Mo au plus."
        assert str(uploads.ImageUploadField().help_text) == (
            "PNG, JPEG ou WebP, 5 Mo au plus. Le SVG n'est pas accepté."
        )


def test_a_refused_document_says_why_in_the_visitors_language():
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        uploads.validate_library_document(upload("archive.docx", b"PK\x03\x04" + b"\0" * 200))
    with translation.override("fr"):
        assert error.value.messages == [
            "Ce fichier n'est ni un PDF, ni un document texte ODT ou DOCX."
        ]


def test_sniff_tells_pdf_odt_and_docx_by_their_content():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert uploads.sniff(io.BytesIO(PDF)) == "pdf"
    assert uploads.sniff(io.BytesIO(odt_bytes())) == "odt"
    assert uploads.sniff(io.BytesIO(buffer.getvalue())) == "docx"
    assert uploads.sniff(io.BytesIO(b"PK\x03\x04 broken zip")) is None
