"""Factories for the documents app: texts are saved through the services, as in the admin."""

import itertools
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from collectif.models import Theme
from documents import services
from documents.models import Document, IssuingBody, LegalResource
from documents.pdfmaker import make_pdf

_numbers = itertools.count(1)


def pdf_upload(text, name="text.pdf", title=""):
    return SimpleUploadedFile(name, make_pdf([text], title=title), content_type="application/pdf")


@pytest.fixture
def bodies():
    return {body.slug: body for body in IssuingBody.objects.all()}


@pytest.fixture
def themes():
    return {theme.slug: theme for theme in Theme.objects.all()}


@pytest.fixture
def make_resource(bodies, themes):
    def make(*, themes_=(), amends=(), **fields):
        number = next(_numbers)
        fields.setdefault("slug", f"text-{number}")
        fields.setdefault("title_fr", f"Texte {number}")
        fields.setdefault("title_en", f"Text {number}")
        fields.setdefault("kind", LegalResource.Kind.CONVENTION)
        fields.setdefault("level", LegalResource.Level.INTERNATIONAL)
        fields.setdefault("date", date(2010, 1, 1))
        fields.setdefault("is_published", True)
        body = fields.pop("body", "unodc")
        fields["body"] = bodies[body] if isinstance(body, str) else body
        resource = services.legal_resource_save(resource=LegalResource(**fields))
        if themes_:
            resource.themes.set([themes[slug] for slug in themes_])
        if amends:
            resource.amends.set(amends)
        return resource

    return make


@pytest.fixture
def make_document():
    def make(**fields):
        number = next(_numbers)
        fields.setdefault("slug", f"document-{number}")
        fields.setdefault("title_fr", f"Document {number}")
        fields.setdefault("kind", Document.Kind.COMMUNIQUE)
        fields.setdefault("date", date(2014, 10, 1))
        fields.setdefault("visibility", Document.Visibility.PUBLIC)
        return services.document_save(document=Document(**fields))

    return make


@pytest.fixture
def member(representative):
    """A representative of a member organisation: members-only documents are for such people."""
    return representative


@pytest.fixture
def member_client(representative_client):
    return representative_client
