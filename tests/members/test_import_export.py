"""Importing and exporting organisations as spreadsheets: the collective's members by name,
acronym, themes, websites, descriptions, international network and status with its date, the
status going through the membership services."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from collectif import spreadsheets
from members import services
from members.models import InternationalNetwork, MembershipEvent, Organisation

pytestmark = pytest.mark.django_db

HEADER = [
    "slug",
    "name",
    "acronym",
    "themes",
    "website_fr",
    "website_en",
    "description_fr",
    "description_en",
    "network",
    "status",
    "status_since",
]
CCEM = {
    "slug": "ccem",
    "name": "Comité contre l'esclavage moderne",
    "acronym": "CCEM",
    "themes": "Esclavage domestique, labour exploitation",
    "website_fr": "https://www.esclavagemoderne.org/",
    "description_fr": "Accompagne les victimes d'esclavage domestique.",
    "status": "membre",
    "status_since": "01/01/2008",
}
AMICALE = {
    "slug": "amicale-du-nid",
    "name": "Amicale du Nid",
    "themes": "sexual-exploitation, Accompagnement des victimes",
    "website_fr": "amicaledunid.org",
    "status": "member",
    "status_since": "2008-01-01",
}
ECPAT = {
    "name": "ECPAT France",
    "acronym": "ECPAT",
    "themes": "minors",
    "network": "ECPAT International",
    "status": "Observer",
    "status_since": "15/03/2024",
}
SECOURS = {
    "name": "Secours Catholique – Caritas France",
    "network": "caritas internationalis",
    "status": "candidat",
}
ALC = {
    "name": "ALC (Accompagnement Lieux d'accueil Carrefour éducatif et social)",
    "acronym": "ALC",
    "description_en": "Runs the national scheme Ac.Sé for the protection of trafficked persons.",
}
GOOD = [CCEM, AMICALE, ECPAT, SECOURS, ALC]


@pytest.fixture(autouse=True)
def networks():
    return [
        InternationalNetwork.objects.create(name="ECPAT International"),
        InternationalNetwork.objects.create(name="Caritas Internationalis"),
    ]


def csv_bytes(rows, *, delimiter=";", encoding="utf-8-sig", header=HEADER):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows([row.get(name, "") for name in header] for row in rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row.get(name, "") for name in HEADER])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_url():
    return reverse("admin:members_organisation_import")


def preview(client, content, name="membres.csv"):
    return client.post(import_url(), {"import_file": SimpleUploadedFile(name, content)})


def confirm(client, page):
    context = page.context
    assert context["plan"] is not None, [vars(p) for p in context["problems"]]
    return client.post(
        import_url(),
        {
            "confirm": "1",
            "signed_file": context["signed_file"],
            "fingerprint": context["fingerprint"],
        },
    )


def imported(client, content, name="membres.csv"):
    response = confirm(client, preview(client, content, name))
    assert response.status_code == 302
    return response


def problems(response):
    return [
        (p.line, p.column, p.value, str(p.reason), str(p.accepted))
        for p in response.context["problems"]
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", ",")]
)
def test_organisations_are_imported_with_their_status(
    coordinator_client, coordinator, encoding, delimiter
):
    imported(coordinator_client, csv_bytes(GOOD, encoding=encoding, delimiter=delimiter))
    ccem = Organisation.objects.get(slug="ccem")
    assert (ccem.status, ccem.status_since) == ("member", date(2008, 1, 1))
    assert sorted(ccem.themes.values_list("slug", flat=True)) == [
        "domestic-slavery",
        "labour-exploitation",
    ]
    event = ccem.membership_events.get()
    assert (event.from_status, event.to_status, event.recorded_by) == (
        "candidate",
        "member",
        coordinator,
    )
    assert event.reason == "Enregistré par l’import de «\u202fmembres.csv\u202f»."
    amicale = Organisation.objects.get(slug="amicale-du-nid")
    assert amicale.website_fr == "https://amicaledunid.org"
    ecpat = Organisation.objects.get(acronym="ECPAT")
    assert ecpat.slug == "ecpat-france"
    assert ecpat.network.name == "ECPAT International"
    # As the membership services do: the vote falls due one observation period later.
    assert (ecpat.status, ecpat.status_since) == ("observer", date(2024, 3, 15))
    assert ecpat.vote_due_on == services.vote_due_date(date(2024, 3, 15))
    secours = Organisation.objects.get(name="Secours Catholique – Caritas France")
    assert (secours.status, secours.network.name) == ("candidate", "Caritas Internationalis")
    assert not secours.membership_events.exists()
    alc = Organisation.objects.get(acronym="ALC")
    assert alc.status == "candidate"
    assert alc.description_en.startswith("Runs the national scheme")


def test_an_xlsx_file_with_a_date_cell(coordinator_client):
    row = {**ECPAT, "status_since": date(2024, 3, 15)}
    imported(coordinator_client, xlsx_bytes([row]), "membres.xlsx")
    assert Organisation.objects.get(acronym="ECPAT").status_since == date(2024, 3, 15)


BAD = [
    {**CCEM, "network": "Réseau imaginaire"},
    {**AMICALE, "themes": "licornes", "status": "sympathisant"},
    {**ECPAT, "status_since": ""},
    {**SECOURS, "status": "observer", "status_since": "mars 2024"},
]


def test_a_bad_file_is_refused_whole_in_french(coordinator_client):
    page = preview(coordinator_client, csv_bytes(BAD))
    found = {
        (line, column): (value, reason, accepted)
        for line, column, value, reason, accepted in problems(page)
    }
    assert set(found) == {
        (2, "network"),
        (3, "themes"),
        (3, "status"),
        (4, "status_since"),
        (5, "status_since"),
    }
    assert found[(2, "network")] == (
        "Réseau imaginaire",
        "Valeur inconnue.",
        "Caritas Internationalis, ECPAT International",
    )
    assert found[(3, "themes")][1] == "Valeur inconnue\u202f: «\u202flicornes\u202f»."
    assert found[(3, "status")][1:] == (
        "Valeur inconnue.",
        "candidate (candidat), observer (observateur), member (membre), former (ancien membre)",
    )
    assert found[(4, "status_since")][1] == "Donnez le jour où ce statut a pris effet."
    assert found[(5, "status_since")] == (
        "mars 2024",
        "Donnez le jour, pas seulement le mois ou l’année.",
        "2000-11-15 ou 15/11/2000",
    )
    assert not Organisation.all_objects.exists()


def test_a_bad_file_is_refused_in_english(coordinator_client, settings):
    settings.ADMIN_LANGUAGE_CODE = "en"
    found = {
        (line, column): (reason, accepted)
        for line, column, _v, reason, accepted in problems(
            preview(coordinator_client, csv_bytes(BAD))
        )
    }
    assert found[(2, "network")][0] == "Unknown value."
    assert found[(3, "status")] == (
        "Unknown value.",
        "candidate (candidate), observer (observer), member (member), former (former member)",
    )
    assert found[(4, "status_since")][0] == "Give the day this status took effect."
    assert found[(5, "status_since")][0] == "Give the day, not only the month or the year."


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "fr",
            "Cette ligne a le même sigle que la ligne 2\u202f: "
            "une organisation n’apparaît qu’une fois.",
        ),
        ("en", "This row has the same acronym as line 2: an organisation appears once."),
    ],
)
def test_the_same_organisation_twice_in_the_file_is_refused(
    coordinator_client, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    twice = {"name": "Comité contre l’esclavage moderne (Paris)", "acronym": "ccem"}
    assert (3, "acronym", "ccem", message, "") in problems(
        preview(coordinator_client, csv_bytes([CCEM, twice]))
    )


def test_a_missing_required_column_refuses_the_file(coordinator_client):
    header = [name for name in HEADER if name != "name"]
    assert problems(preview(coordinator_client, csv_bytes(GOOD, header=header))) == [
        (None, "name", "", "Cette colonne obligatoire manque.", "")
    ]


def test_an_existing_organisation_is_matched_by_name_or_flagged(coordinator_client, hors_la_rue):
    same = {"name": "HORS LA RUE", "description_fr": "Mineurs en danger."}
    page = preview(coordinator_client, csv_bytes([same]))
    (row,) = page.context["plan"].rows
    assert (row.instance, row.action) == (hors_la_rue, "update")
    doubled = {**same, "slug": "hors-la-rue-paris"}
    ((line, column, _v, reason, _a),) = problems(preview(coordinator_client, csv_bytes([doubled])))
    assert (line, column) == (2, "slug")
    assert reason.startswith(
        "Cette ligne a le même nom que l’organisation «\u202fhors-la-rue\u202f»\u202f:"
    )


def test_the_preview_shows_old_and_new_values(coordinator_client, ccem):
    row = {
        "slug": "ccem",
        "name": ccem.name,
        "acronym": "CCEM",
        "website_fr": "https://www.esclavagemoderne.org/",
    }
    # Only the columns of the file are compared: the others are left as they are.
    header = list(row)
    page = preview(coordinator_client, csv_bytes([row], header=header))
    (planned,) = page.context["plan"].rows
    assert [(c.label, c.old, c.new) for c in planned.changes] == [
        ("site web (français)", "", "https://www.esclavagemoderne.org/")
    ]


def test_status_changes_follow_the_membership_rules(coordinator_client, sos_esclaves, ccem):
    vote = {
        "slug": "sos-esclaves",
        "name": "SOS Esclaves",
        "status": "member",
        "status_since": "01/10/2015",
    }
    ((_l, column, _v, reason, accepted),) = problems(preview(coordinator_client, csv_bytes([vote])))
    assert (column, accepted) == ("status", "ancien membre")
    assert reason.startswith("Un observateur devient membre par le vote des membres")
    redated = {"slug": "ccem", "name": ccem.name, "status": "member", "status_since": "2010-01-01"}
    ((_l, column, _v, reason, _a),) = problems(preview(coordinator_client, csv_bytes([redated])))
    assert column == "status_since"
    assert "un import ne change pas la date du statut actuel" in reason
    leaving = {
        "slug": "sos-esclaves",
        "name": "SOS Esclaves",
        "status": "ancien membre",
        "status_since": "2015-10-01",
    }
    imported(coordinator_client, csv_bytes([leaving]))
    sos_esclaves.refresh_from_db()
    assert (sos_esclaves.status, sos_esclaves.status_since, sos_esclaves.vote_due_on) == (
        "former",
        date(2015, 10, 1),
        None,
    )
    assert MembershipEvent.objects.filter(organisation=sos_esclaves, to_status="former").exists()


def test_a_future_status_date_is_refused(coordinator_client):
    later = (
        timezone.localdate().replace(day=1).replace(year=timezone.localdate().year + 1)
    ).isoformat()
    ((_l, column, _v, reason, _a),) = problems(
        preview(coordinator_client, csv_bytes([{**ECPAT, "status_since": later}]))
    )
    assert (column, reason) == ("status_since", "Un changement s’enregistre une fois fait.")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_re_import_of_an_export_changes_nothing(coordinator_client, kind):
    imported(coordinator_client, csv_bytes(GOOD))
    before = list(Organisation.objects.order_by("pk").values())
    events, history = MembershipEvent.objects.count(), Organisation.history.count()
    response = coordinator_client.get(reverse("admin:members_organisation_export", args=[kind]))
    page = preview(coordinator_client, response.content, f"export.{kind}")
    assert page.context["plan"].counts == {"new": 0, "update": 0, "unchanged": 5}
    imported(coordinator_client, response.content, f"export.{kind}")
    after = list(Organisation.objects.order_by("pk").values())
    assert after == before  # versions and update times included: nothing was saved
    assert MembershipEvent.objects.count() == events
    assert Organisation.history.count() == history


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_template_file_imports_cleanly(coordinator_client, kind):
    response = coordinator_client.get(reverse("admin:members_organisation_template", args=[kind]))
    table = spreadsheets.read(response.content)
    assert table.header == HEADER
    assert len(table.rows) == 1
    imported(coordinator_client, response.content, f"modele.{kind}")
    ccem = Organisation.objects.get(slug="ccem")
    assert (ccem.acronym, ccem.status, ccem.status_since) == ("CCEM", "member", date(2008, 1, 1))


def test_the_import_page_lists_networks_themes_and_statuses(coordinator_client):
    text = coordinator_client.get(import_url()).content.decode()
    for expected in ("Caritas Internationalis", "domestic-slavery", "observer (observateur)"):
        assert expected in text


@pytest.mark.parametrize("rows", [10, 200])
def test_the_preview_reads_the_database_a_fixed_number_of_times(coordinator_client, rows):
    many = [{"name": f"Association {number}", "themes": "minors"} for number in range(rows)]
    with CaptureQueriesContext(connection) as queries:
        page = preview(coordinator_client, csv_bytes(many))
    assert page.context["plan"].counts["new"] == rows
    assert len(queries) == 7


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("representative", 302), ("staff", 403), ("coordinator", 200)],
)
@pytest.mark.parametrize(
    "url",
    [
        ("admin:members_organisation_import",),
        ("admin:members_organisation_template", "xlsx"),
        ("admin:members_organisation_export", "csv"),
    ],
)
def test_only_coordinators_import_and_export(
    client, make_user, coordinator, representative, who, status, url
):
    users = {
        "representative": representative,
        "staff": make_user("intern", is_staff=True),
        "coordinator": coordinator,
    }
    if who in users:
        client.force_login(users[who])
    name, *args = url
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]
    count = Organisation.all_objects.count()
    response = client.post(
        import_url(), {"import_file": SimpleUploadedFile("m.csv", csv_bytes([AMICALE]))}
    )
    assert response.status_code == status
    assert Organisation.all_objects.count() == count


def test_a_file_gone_bad_before_its_confirmation_writes_nothing(coordinator_client, networks):
    page = preview(coordinator_client, csv_bytes(GOOD))
    networks[0].delete()  # ECPAT International, named by the third row
    response = confirm(coordinator_client, page)
    assert response.status_code == 200
    assert response.context["refused_at_confirmation"]
    assert [(p[0], p[1]) for p in problems(response)] == [(4, "network")]
    assert (
        "Rien n'a été importé\u202f: le fichier n’est plus valide."
        in response.content.decode().replace("&#x27;", "'")
    )
    assert not Organisation.all_objects.exists()


def test_a_row_the_services_refuse_at_confirmation_rolls_back_the_whole_file(
    coordinator_client, monkeypatch
):
    from django.core.exceptions import ValidationError

    page = preview(coordinator_client, csv_bytes(GOOD))
    real = services.membership_change

    def refuse_observers(**kwargs):
        if kwargs["action"] == "confirm_observer":
            raise ValidationError("Refusé par le service.")
        return real(**kwargs)

    monkeypatch.setattr(services, "membership_change", refuse_observers)
    response = confirm(coordinator_client, page)
    assert problems(response) == [(4, "", "", "Refusé par le service.", "")]
    assert not Organisation.all_objects.exists()
    assert not MembershipEvent.objects.exists()


@pytest.mark.parametrize("rows", [10, 200])
def test_the_preview_of_updates_reads_the_database_a_fixed_number_of_times(
    coordinator_client, rows
):
    Organisation.objects.bulk_create(
        Organisation(name=f"Association {number}", slug=f"association-{number}")
        for number in range(rows)
    )
    many = [
        {"slug": f"association-{number}", "name": f"Association {number}", "themes": "minors"}
        for number in range(rows)
    ]
    with CaptureQueriesContext(connection) as queries:
        page = preview(coordinator_client, csv_bytes(many))
    assert page.context["plan"].counts["update"] == rows
    assert len(queries) == 9


def test_the_export_reads_the_database_a_fixed_number_of_times(coordinator_client):
    url = reverse("admin:members_organisation_export", args=["xlsx"])
    imported(coordinator_client, csv_bytes(GOOD[:2]))
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    imported(coordinator_client, csv_bytes(GOOD[2:]))
    with CaptureQueriesContext(connection) as more:
        coordinator_client.get(url)
    assert len(more) == len(few)


def test_the_selection_of_the_change_list_is_exported(coordinator_client, ccem, hors_la_rue):
    response = coordinator_client.post(
        reverse("admin:members_organisation_changelist"),
        {"action": "export_selected_csv", "_selected_action": [hors_la_rue.pk]},
    )
    assert response.status_code == 200
    table = spreadsheets.read(response.content)
    assert [cells[1] for _line, cells in table.rows] == ["Hors la Rue"]
    assert table.rows[0][1][HEADER.index("status_since")] == "2008-01-01"


def test_staff_who_may_only_view_exports_but_does_not_import(client, make_user, ccem):
    from django.contrib.auth.models import Permission

    reader = make_user("reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(reader)
    page = client.get(reverse("admin:members_organisation_changelist")).content.decode()
    assert reverse("admin:members_organisation_export", args=["csv"]) in page
    assert "export_selected_xlsx" in page
    assert import_url() not in page
    assert client.get(import_url()).status_code == 403
    template = reverse("admin:members_organisation_template", args=["csv"])
    assert client.get(template).status_code == 403
    export = client.get(reverse("admin:members_organisation_export", args=["csv"]))
    assert [cells[0] for _line, cells in spreadsheets.read(export.content).rows] == ["ccem"]
