from datetime import date

import pytest
import time_machine
from django.urls import reverse

from collectif.partial_dates import as_typed, parse
from documents.models import LegalResource

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db

# The official references' inline, empty.
REFERENCES_NONE = {
    "references-TOTAL_FORMS": "0",
    "references-INITIAL_FORMS": "0",
    "references-MIN_NUM_FORMS": "0",
    "references-MAX_NUM_FORMS": "1000",
}


def _new_text(bodies, **fields):
    data = {
        "title_fr": "Protocole visant à prévenir, réprimer et punir la traite des personnes",
        "title_en": "Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        "common_names_fr": "Protocole de Palerme",
        "common_names_en": "Palermo Protocol",
        "slug": "palermo",
        "kind": "protocol",
        "body": bodies["unodc"].pk,
        "level": "international",
        "date": "15/11/2000",
        "status": "in-force",
        "is_published": "on",
        **REFERENCES_NONE,
    }
    data.update(fields)
    return data


@time_machine.travel("2025-06-01 12:00 +0200")
def test_coordinators_see_texts_not_checked_for_twelve_months(coordinator_client, make_resource):
    make_resource(title_fr="Jamais vérifié")
    make_resource(title_fr="Vérifié il y a longtemps", last_checked=date(2024, 5, 1))
    make_resource(title_fr="Vérifié récemment", last_checked=date(2025, 1, 1))
    response = coordinator_client.get(
        reverse("admin:documents_legalresource_changelist"), {"checked": "stale"}
    )
    content = response.content.decode()
    assert "Jamais vérifié" in content
    assert "Vérifié il y a longtemps" in content
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
            **REFERENCES_NONE,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    text = LegalResource.objects.get(slug="greta-report")
    assert "Servitude domestique" in text.text_fr
    assert text.published_at
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


@pytest.mark.parametrize(
    ("typed", "day", "precision", "shown"),
    [
        ("2012", date(2012, 1, 1), "year", "2012"),
        ("11/2000", date(2000, 11, 1), "month", "novembre 2000"),
        ("novembre 2000", date(2000, 11, 1), "month", "novembre 2000"),
        ("15/11/2000", date(2000, 11, 15), "day", "15 novembre 2000"),
        ("2000-11-15", date(2000, 11, 15), "day", "15 novembre 2000"),
        ("1er décembre 2000", date(2000, 12, 1), "day", "1er décembre 2000"),
    ],
)
def test_admin_date_is_typed_with_what_is_known(
    coordinator_client, bodies, typed, day, precision, shown
):
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_add"), _new_text(bodies, date=typed)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    text = LegalResource.objects.get(slug="palermo")
    assert (text.date, text.date_precision) == (day, precision)
    page = coordinator_client.get(text.get_absolute_url()).content.decode()
    assert f">{shown}</time>" in page
    # The change page gives the date back with what is known of it, no more.
    change = coordinator_client.get(reverse("admin:documents_legalresource_change", args=[text.pk]))
    typed_back = change.context["adminform"].form["date"].value()
    assert parse(as_typed(parse(typed))) == parse(typed) == parse(typed_back)


@pytest.mark.parametrize("typed", ["31/02/2012", "13/2012", "l'an 2000", "20121", "0/0/0"])
def test_admin_refuses_a_date_it_cannot_read_in_french(coordinator_client, bodies, typed):
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_add"), _new_text(bodies, date=typed)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["date"]
    assert errors == ["Tapez une année (2012), un mois (11/2000) ou un jour (15/11/2000)."]
    assert not LegalResource.objects.exists()
    # What was typed is still there.
    assert "Protocole de Palerme" in response.content.decode()


def test_admin_saves_references_and_the_search_finds_them(coordinator_client, bodies):
    data = _new_text(
        bodies,
        **{
            "references-TOTAL_FORMS": "2",
            "references-0-scheme": "un",
            "references-0-value": "a/res/55/25",
            "references-0-position": "0",
            "references-1-scheme": "celex",
            "references-1-value": "CELEX:22000A1215(01)",
            "references-1-position": "1",
        },
    )
    response = coordinator_client.post(reverse("admin:documents_legalresource_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    text = LegalResource.objects.get(slug="palermo")
    assert [(r.scheme, r.value) for r in text.references.all()] == [
        ("un", "A/RES/55/25"),
        ("celex", "22000A1215(01)"),
    ]
    assert list(LegalResource.objects.search("A/RES/55/25")) == [text]
    assert list(LegalResource.objects.search("Palermo Protocol")) == [text]


def test_admin_refuses_a_malformed_reference_with_its_rule(coordinator_client, bodies):
    data = _new_text(
        bodies,
        **{
            "references-TOTAL_FORMS": "1",
            "references-0-scheme": "celex",
            "references-0-value": "2011/36/UE",
            "references-0-position": "0",
        },
    )
    response = coordinator_client.post(reverse("admin:documents_legalresource_add"), data)
    assert response.status_code == 200
    assert "Un numéro CELEX s’écrit comme 32011L0036" in response.content.decode()
    assert not LegalResource.objects.exists()


def test_admin_list_shows_a_year_as_a_year(coordinator_client, make_resource):
    make_resource(slug="model-law", date=date(2009, 1, 1), date_precision="year")
    page = coordinator_client.get(reverse("admin:documents_legalresource_changelist"))
    assert '<td class="field-shown_date">2009</td>' in page.content.decode()
