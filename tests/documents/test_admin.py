from datetime import date

import pytest
import time_machine
from django.urls import reverse

from documents.models import LegalResource

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


@time_machine.travel("2025-06-01 12:00 +0200")
def test_coordinators_see_texts_not_checked_for_twelve_months(coordinator_client, make_resource):
    make_resource(title_fr="Jamais vérifié")
    make_resource(title_fr="Vérifié il y a longtemps", last_checked=date(2024, 5, 1))
    make_resource(title_fr="Vérifié récemment", last_checked=date(2025, 1, 1))
    response = coordinator_client.get(
        reverse("admin:documents_legalresource_changelist"), {"checked": "stale"}
    )
    content = response.content.decode()
    assert "Jamais vérifié" in content and "Vérifié il y a longtemps" in content
    assert "Vérifié récemment" not in content
    assert "Non vérifié depuis 12 mois" in content


@time_machine.travel("2025-06-01 12:00 +0200")
def test_mark_checked_action_records_today(coordinator_client, make_resource):
    text = make_resource()
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_changelist"),
        {"action": "mark_checked", "_selected_action": [text.pk]},
        follow=True,
    )
    text.refresh_from_db()
    assert text.last_checked == date(2025, 6, 1)
    assert "1 texte marqué comme vérifié aujourd'hui." in [
        str(m) for m in response.context["messages"]
    ]


def test_admin_form_saves_through_the_service(coordinator_client, bodies):
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_add"),
        {
            "title_fr": "Rapport du GRETA",
            "title_en": "GRETA report",
            "summary_fr": "",
            "summary_en": "",
            "slug": "greta-report",
            "kind": "report",
            "body": bodies["greta"].pk,
            "level": "european",
            "date": "2017-03-24",
            "file_fr": pdf_upload("Servitude domestique en France"),
            "url_fr": "",
            "url_en": "",
            "status": "in-force",
            "consolidated_url": "",
            "last_checked": "",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    text = LegalResource.objects.get(slug="greta-report")
    assert "Servitude domestique" in text.text_fr and text.published_at
    assert list(LegalResource.objects.search("servitude")) == [text]


def test_admin_form_refuses_a_fake_pdf_and_keeps_the_rest(coordinator_client, bodies):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = coordinator_client.post(
        reverse("admin:documents_legalresource_add"),
        {
            "title_fr": "Rapport",
            "slug": "rapport",
            "kind": "report",
            "body": bodies["greta"].pk,
            "level": "european",
            "date": "2017-03-24",
            "file_fr": SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf"),
            "status": "in-force",
        },
    )
    assert response.status_code == 200
    assert "n&#x27;est pas un document PDF" in response.content.decode()
    assert not LegalResource.objects.exists()


def test_link_checks_are_read_only(coordinator_client):
    assert coordinator_client.get(reverse("admin:documents_linkcheck_add")).status_code == 403


def test_coordination_group_manages_the_library(coordinator):
    assert coordinator.has_perm("documents.change_legalresource")
    assert coordinator.has_perm("documents.add_issuingbody")
    assert coordinator.has_perm("documents.view_linkcheck")


def test_document_with_a_file_opens_in_the_admin_with_a_link_to_its_download(
    coordinator_client, make_document
):
    """The private storage has no public address: the change page links the current file to
    the download view (asking the storage for a URL failed the whole page)."""
    document = make_document(slug="constats", file_fr=pdf_upload("Constats et propositions"))
    response = coordinator_client.get(
        reverse("admin:documents_document_change", args=[document.pk])
    )
    assert response.status_code == 200
    link = reverse("documents:document-file", kwargs={"slug": "constats", "language": "fr"})
    assert f'<a href="{link}">{document.file_fr.name}</a>' in response.content.decode()
    assert coordinator_client.get(link).status_code == 200
