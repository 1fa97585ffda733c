"""Annexes of the minutes are documents of the library: the minutes link them, the documents
app says who may open them."""

from datetime import date

import pytest
from django.core import mail
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation

from documents.models import Document
from meetings import services
from meetings.models import Annex
from members import services as members_services
from tests.forms import form_data

from .test_admin import management

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(make_meeting, make_annex):
    meeting = make_meeting(items=2)
    first, second = meeting.agenda_items.order_by("position")
    communique = make_annex(first, number=1, visibility="public", title="Communiqué de lancement")
    justice = make_annex(second, number=2, title="Constats et propositions Justice")
    return meeting, communique, justice


def document_url(document, language="fr"):
    with translation.override(language):
        return document.get_absolute_url()


def file_url(document, language="fr", file_language="fr"):
    with translation.override(language):
        return reverse(
            "documents:document-file", kwargs={"slug": document.slug, "language": file_language}
        )


# --- The compte-rendu ---------------------------------------------------------------------------


def test_compte_rendu_links_each_annex_to_its_document_and_file(representative_client, minutes):
    meeting, communique, justice = minutes
    content = representative_client.get(meeting.get_absolute_url()).content.decode()
    for annex in (communique, justice):
        assert f'href="{document_url(annex.document)}"' in content
        assert f'href="{file_url(annex.document)}"' in content
    assert "Annexe 1" in content
    assert "Communiqué de lancement" in content
    assert "Annexe 2" in content
    assert "Constats et propositions Justice" in content
    # Each under its own agenda item.
    items = content.split('class="minutes__section minutes__item')
    assert "Annexe 1" in items[1]
    assert "Annexe 2" not in items[1]
    assert "Annexe 2" in items[2]


def test_compte_rendu_marks_the_members_only_annexes(representative_client, minutes):
    meeting, _communique, _justice = minutes
    content = representative_client.get(meeting.get_absolute_url()).content.decode()
    annexes = content[content.index('id="annex-1"') :]
    first, second = annexes.split('id="annex-2"')[:2]
    assert "Réservé aux membres" not in first
    assert "Réservé aux membres" in second


def test_compte_rendu_in_english_falls_back_to_the_french_title(representative_client, minutes):
    meeting, _communique, justice = minutes
    with translation.override("en"):
        path = meeting.get_absolute_url()
    content = representative_client.get(path).content.decode()
    assert 'Annex 2: <span lang="fr">Constats et propositions Justice</span>' in content
    assert f'href="{document_url(justice.document, "en")}"' in content


def test_member_reader_opens_a_members_only_annex(representative_client, minutes):
    _meeting, _communique, justice = minutes
    assert representative_client.get(document_url(justice.document)).status_code == 200
    response = representative_client.get(file_url(justice.document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Cache-Control"] == "private, no-store"


def test_visitor_cannot_open_a_members_only_annex(client, minutes):
    _meeting, _communique, justice = minutes
    assert client.get(document_url(justice.document)).status_code == 404
    assert client.get(file_url(justice.document)).status_code == 404


def test_visitor_opens_a_public_annex(client, minutes):
    _meeting, communique, _justice = minutes
    assert client.get(document_url(communique.document)).status_code == 200
    assert client.get(file_url(communique.document)).status_code == 200


def test_former_member_reads_neither_the_minutes_nor_a_members_only_annex(
    client, make_user, make_organisation, minutes
):
    meeting, _communique, justice = minutes
    former = make_organisation("Ancienne association")
    members_services.membership_end(organisation=former, date=date(2015, 1, 1), reason="Départ.")
    user = make_user("former")
    former.representatives.add(user)
    client.force_login(user)
    assert client.get(meeting.get_absolute_url()).status_code == 403
    assert client.get(document_url(justice.document)).status_code == 404


def test_minutes_by_email_link_the_annexes(
    minutes, representative, coordinator, settings, django_capture_on_commit_callbacks
):
    meeting, communique, justice = minutes
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_minutes(meeting=meeting, by=coordinator)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    for annex in (communique, justice):
        address = settings.SITE_URL + document_url(annex.document)
        assert address in message.body
        assert f'href="{address}"' in html
    assert "Annexe 2: Constats et propositions Justice" in message.body


# --- Admin ----------------------------------------------------------------------------------------


def section_data(client, meeting, item, **extra):
    """The form of a section's page (the minutes editor) as the page fills it."""
    url = reverse("admin:meetings_meeting_agenda_item", args=[meeting.pk, item.pk])
    data = form_data(client.get(url).content.decode(), "agenda-item-form")
    return url, {**data, "_save": "Enregistrer", **extra}


@pytest.fixture
def library_document(db):
    from documents import services as documents_services

    return documents_services.document_save(
        document=Document(
            slug="constats-interieur",
            title_fr="Constats et propositions Intérieur",
            kind=Document.Kind.POSITION,
            date=date(2014, 9, 29),
        )
    )


def test_section_page_offers_the_documents_of_the_library(
    coordinator_client, make_meeting, library_document
):
    meeting = make_meeting(items=1)
    url = reverse(
        "admin:meetings_meeting_agenda_item", args=[meeting.pk, meeting.agenda_items.get().pk]
    )
    content = coordinator_client.get(url).content.decode()
    assert 'id="id_annexes-TOTAL_FORMS"' in content
    assert f'<option value="{library_document.pk}">' in content


def test_coordinator_links_a_library_document_as_an_annex(
    coordinator_client, make_meeting, library_document
):
    meeting = make_meeting(items=2)
    second = meeting.agenda_items.get(position=2)
    url, data = section_data(
        coordinator_client,
        meeting,
        second,
        **{"annexes-0-number": "3", "annexes-0-document": library_document.pk},
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    annex = Annex.objects.get()
    assert (annex.meeting, annex.agenda_item, annex.number, annex.document) == (
        meeting,
        second,
        3,
        library_document,
    )


def test_section_page_refuses_two_annexes_with_the_same_number(
    coordinator_client, make_meeting, library_document
):
    meeting = make_meeting(items=1)
    item = meeting.agenda_items.get()
    url, data = section_data(
        coordinator_client,
        meeting,
        item,
        **{
            **management("annexes", 2),
            "annexes-0-number": "2",
            "annexes-0-document": library_document.pk,
            "annexes-1-number": "2",
            "annexes-1-document": library_document.pk,
        },
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "annexe 2 est déjà donnée" in response.content.decode()
    assert not Annex.objects.exists()


def test_annex_document_search_finds_documents_of_the_library(coordinator_client, library_document):
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "meetings",
            "model_name": "annex",
            "field_name": "document",
            "term": "interieur",
        },
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(library_document.pk)]


def test_a_document_cited_as_an_annex_cannot_be_deleted(
    coordinator_client, make_meeting, make_annex
):
    annex = make_annex(make_meeting(items=1).agenda_items.get(), number=1)
    url = reverse("admin:documents_document_delete", args=[annex.document.pk])
    response = coordinator_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert "Annexe 1" in response.content.decode()
    assert Document.objects.filter(pk=annex.document.pk).exists()
    with pytest.raises(ProtectedError):
        annex.document.delete()


def test_deleting_a_meeting_keeps_its_annexes_documents(make_meeting, make_annex):
    meeting = make_meeting(items=1)
    annex = make_annex(meeting.agenda_items.get(), number=1)
    meeting.delete()
    assert not Annex.objects.exists()
    assert Document.objects.filter(pk=annex.document_id).exists()


def test_documents_list_filters_by_kind(coordinator_client, make_meeting, make_annex):
    make_annex(make_meeting(items=1).agenda_items.get(), number=1, title="Une annexe")
    from documents import services as documents_services

    documents_services.document_save(
        document=Document(
            slug="outil", title_fr="Un outil", kind=Document.Kind.TOOL, date=date(2014, 1, 1)
        )
    )
    url = reverse("admin:documents_document_changelist")
    content = coordinator_client.get(url, {"kind__exact": "minutes-annex"}).content.decode()
    assert "Une annexe" in content
    assert "Un outil" not in content
