from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from collectif.uploads import LIBRARY_MAX_BYTES
from documents import services
from documents.models import Document, LegalResource

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def test_saving_a_text_extracts_its_pdf_text(make_resource):
    text = make_resource(file_en=pdf_upload("Forced labour in supply chains"))
    text.refresh_from_db()
    assert "Forced labour in supply chains" in text.text_en
    assert " forced labour in supply chain" in text.search_body


def test_replacing_a_file_refreshes_its_text(make_resource):
    text = make_resource(file_fr=pdf_upload("Ancien contenu"))
    text.file_fr = pdf_upload("Nouveau contenu", name="nouveau.pdf")
    services.legal_resource_save(resource=text)
    text.refresh_from_db()
    assert "Nouveau contenu" in text.text_fr
    assert "Ancien" not in text.text_fr


def test_first_publication_is_dated_once(make_resource):
    text = make_resource(is_published=False)
    assert text.published_at is None
    text.is_published = True
    services.legal_resource_save(resource=text)
    first = text.published_at
    assert first is not None
    services.legal_resource_save(resource=text)
    assert text.published_at == first


def test_document_is_dated_when_it_becomes_public(make_document):
    document = make_document(visibility=Document.Visibility.MEMBERS)
    assert document.published_at is None
    document.visibility = Document.Visibility.PUBLIC
    services.document_save(document=document)
    assert document.published_at is not None


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_saved(bodies):
    fake = SimpleUploadedFile("text.pdf", b"<html>not a pdf</html>")
    resource = LegalResource(
        slug="fake",
        title_fr="Faux",
        kind="law",
        level="national",
        date=date(2020, 1, 1),
        body=bodies["french-republic"],
        file_fr=fake,
    )
    with pytest.raises(ValidationError) as error:
        services.legal_resource_save(resource=resource)
    assert [e.code for e in error.value.error_dict["file_fr"]] == ["wrong_type"]
    assert not LegalResource.objects.exists()


def test_a_too_big_file_is_refused(bodies):
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (LIBRARY_MAX_BYTES + 1))
    resource = LegalResource(
        slug="big",
        title_fr="Gros",
        kind="law",
        level="national",
        date=date(2020, 1, 1),
        body=bodies["french-republic"],
        file_en=big,
    )
    with pytest.raises(ValidationError) as error:
        services.legal_resource_save(resource=resource)
    assert [e.code for e in error.value.error_dict["file_en"]] == ["too_large"]
    assert not LegalResource.objects.exists()


def test_a_document_may_be_an_editable_text(make_document):
    import zipfile
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    odt = SimpleUploadedFile("communique.odt", buffer.getvalue())
    document = make_document(file_fr=odt)
    assert document.file_fr.name.endswith(".odt")
    assert document.text_fr == ""


def test_damaged_pdf_is_kept_without_text(make_resource):
    damaged = SimpleUploadedFile("damaged.pdf", b"%PDF-1.4\nthis is not really a pdf")
    text = make_resource(file_fr=damaged)
    assert text.file_fr
    assert text.text_fr == ""


def test_reindex_rebuilds_search_copies_of_bulk_rows(bodies):
    LegalResource.objects.bulk_create(
        [
            LegalResource(
                slug=f"bulk-{n}",
                title_fr=f"Traité numéro {n}",
                kind="convention",
                level="international",
                date=date(2000, 1, 1),
                body=bodies["unodc"],
                is_published=True,
            )
            for n in range(3)
        ]
    )
    assert services.texts_reindex(queryset=LegalResource.objects.all()) == 3
    assert list(LegalResource.objects.search("traite numero 2").values_list("slug", flat=True)) == [
        "bulk-2"
    ]


def test_mark_checked_records_the_day(make_resource):
    text = make_resource()
    services.legal_resources_mark_checked(
        queryset=LegalResource.objects.filter(pk=text.pk), day=date(2024, 3, 1)
    )
    text.refresh_from_db()
    assert text.last_checked == date(2024, 3, 1)
