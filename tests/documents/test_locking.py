"""Two coordinators on the same text of the library, or the same document of the collective."""

from datetime import date

import pytest

from documents import services
from documents.models import Document
from tests.forms import open_admin, race, refused, save

pytestmark = pytest.mark.django_db


def test_second_coordinator_cannot_overwrite_a_legal_text(coordinators, make_resource):
    resource = make_resource(title_fr="Protocole de Palerme")
    response = race(
        *coordinators, resource, summary_fr="Résumé du premier.", title_fr="Titre du second"
    )
    refused(response, keeps="Titre du second")
    resource.refresh_from_db()
    assert (resource.title_fr, resource.summary_fr) == (
        "Protocole de Palerme",
        "Résumé du premier.",
    )


def test_marking_texts_checked_outdates_an_open_text_page(coordinator_client, make_resource):
    resource = make_resource()
    url, data = open_admin(coordinator_client, resource)
    services.legal_resources_mark_checked(queryset=type(resource).objects.filter(pk=resource.pk))
    refused(save(coordinator_client, url, data, title_fr="Nouveau titre"), keeps="Nouveau titre")
    resource.refresh_from_db()
    assert resource.last_checked is not None


def test_second_coordinator_cannot_overwrite_a_document(coordinators, make_document):
    document = make_document(title_fr="Communiqué", date=date(2014, 10, 1))
    response = race(*coordinators, document, summary_fr="Premier.", summary_en="Second’s")
    refused(response, keeps="Second’s")
    document.refresh_from_db()
    assert (document.summary_fr, document.summary_en) == ("Premier.", "")
    assert Document.objects.get(pk=document.pk).version == document.version
