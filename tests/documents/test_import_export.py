"""Import and export of legal resources from the admin: CSV and XLSX; a bad file is refused
whole, each bad row named with the reason."""

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import LegalResource

pytestmark = pytest.mark.django_db

HEADER = [
    "slug",
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "kind",
    "body",
    "level",
    "date",
    "themes",
    "url_fr",
    "url_en",
    "status",
    "consolidated_url",
    "amends",
    "replaced_by",
    "last_checked",
    "is_published",
]
GOOD_ROWS = [
    [
        "palermo",
        "Protocole de Palerme",
        "Palermo Protocol",
        "Résumé",
        "Summary",
        "protocol",
        "united-nations",
        "international",
        "2000-11-15",
        "minors,sexual-exploitation",
        "https://www.ohchr.org/fr/x",
        "https://www.ohchr.org/en/x",
        "in-force",
        "",
        "",
        "",
        "2024-01-10",
        "1",
    ],
    [
        "cets-197",
        "Convention de Varsovie",
        "",
        "",
        "",
        "convention",
        "council-of-europe",
        "european",
        "2005-05-16",
        "",
        "",
        "https://www.coe.int/en/x",
        "",
        "",
        "palermo",
        "",
        "",
        "0",
    ],
]
BAD_ROWS = [
    GOOD_ROWS[0],
    [
        "bad-kind",
        "Poème",
        "",
        "",
        "",
        "poem",
        "unodc",
        "international",
        "2001-01-01",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "1",
    ],
    [
        "bad-body",
        "Texte",
        "",
        "",
        "",
        "law",
        "nowhere",
        "national",
        "2002-02-30",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "1",
    ],
    [
        "bad-theme",
        "Texte",
        "",
        "",
        "",
        "law",
        "unodc",
        "national",
        "2003-01-01",
        "unicorns",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "1",
    ],
]


def csv_file(rows, name="texts.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


def xlsx_file(rows, name="texts.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def import_url():
    return reverse("admin:documents_legalresource_import")


def format_index(client, label):
    form = client.get(import_url()).context["form"]
    return next(value for value, text in form.fields["format"].choices if text == label)


def upload(client, file, label):
    return client.post(
        import_url(),
        {"import_file": file, "format": format_index(client, label), "resource": "0"},
    )


def exported(client):
    """The rows of a CSV export of every column, header first."""
    page = client.get(reverse("admin:documents_legalresource_export"))
    form = page.context["form"]
    csv_index = next(value for value, text in form.fields["format"].choices if text == "csv")
    data = {"format": csv_index, "resource": "0"}
    data.update({f"legalresourceresource_{name}": "on" for name in HEADER})
    response = client.post(reverse("admin:documents_legalresource_export"), data)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("label", "make"), [("csv", csv_file), ("xlsx", xlsx_file)])
def test_good_file_is_imported_after_confirmation(coordinator_client, label, make):
    preview = upload(coordinator_client, make(GOOD_ROWS), label)
    assert preview.status_code == 200
    confirm = preview.context["confirm_form"]
    assert LegalResource.objects.count() == 0  # the preview wrote nothing
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_process_import"), confirm.initial
    )
    assert response.status_code == 302
    palermo = LegalResource.objects.get(slug="palermo")
    assert palermo.title_en == "Palermo Protocol"
    assert palermo.body.slug == "united-nations"
    assert palermo.is_published
    assert sorted(palermo.themes.values_list("slug", flat=True)) == [
        "minors",
        "sexual-exploitation",
    ]
    assert list(LegalResource.objects.search("protocole de palerme palermo protocol")) == [palermo]
    cets = LegalResource.objects.get(slug="cets-197")
    assert list(cets.amends.all()) == [palermo]
    assert cets.status == "in-force"
    assert not cets.is_published


@pytest.mark.parametrize(("label", "make"), [("csv", csv_file), ("xlsx", xlsx_file)])
def test_file_with_bad_rows_is_refused_whole_naming_each_row(coordinator_client, label, make):
    response = upload(coordinator_client, make(BAD_ROWS), label)
    content = response.content.decode()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    invalid = {
        row.number: row.field_specific_errors for row in response.context["result"].invalid_rows
    }
    assert set(invalid) == {2, 3, 4}
    assert "kind" in invalid[2]
    assert "body" in invalid[3]
    assert "date" in invalid[3]
    assert "nowhere" in str(invalid[3]["body"])
    assert "unicorns" in str(invalid[4]["themes"])
    assert "unicorns" in content
    assert "nowhere" in content
    assert LegalResource.objects.count() == 0


def test_import_confirmed_after_data_changed_rolls_back_everything(coordinator_client):
    from documents.models import IssuingBody

    preview = upload(coordinator_client, csv_file(GOOD_ROWS), "csv")
    IssuingBody.objects.filter(slug="council-of-europe").update(slug="renamed")
    response = coordinator_client.post(
        reverse("admin:documents_legalresource_process_import"),
        preview.context["confirm_form"].initial,
        follow=True,
    )
    assert LegalResource.objects.count() == 0
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "Rien n'a été importé : les lignes 2 ne sont plus valides. "
        "Importez à nouveau le fichier pour voir pourquoi."
    ]


def test_export_lists_the_documented_columns(coordinator_client, make_resource):
    make_resource(slug="palermo", title_fr="Protocole de Palerme", themes_=["minors"])
    rows = exported(coordinator_client)
    assert rows[0] == HEADER
    assert rows[1][0] == "palermo"
    assert rows[1][9] == "minors"


def test_staff_without_permissions_cannot_import(client, make_user):
    client.force_login(make_user("intern", is_staff=True))
    assert client.get(import_url()).status_code == 403


@pytest.mark.parametrize(
    ("cell", "day", "precision"),
    [
        ("2012", date(2012, 1, 1), "year"),
        ("11/2000", date(2000, 11, 1), "month"),
        ("15/11/2000", date(2000, 11, 15), "day"),
        ("2000-11-15", date(2000, 11, 15), "day"),
    ],
)
def test_a_date_is_imported_with_what_is_known_of_it(coordinator_client, cell, day, precision):
    row = list(GOOD_ROWS[0])
    row[HEADER.index("date")] = cell
    preview = upload(coordinator_client, csv_file([row]), "csv")
    confirm = preview.context["confirm_form"]
    coordinator_client.post(
        reverse("admin:documents_legalresource_process_import"), confirm.initial
    )
    text = LegalResource.objects.get(slug="palermo")
    assert (text.date, text.date_precision) == (day, precision)


def test_a_spreadsheet_s_date_and_year_cells_are_read(coordinator_client):
    first, second = list(GOOD_ROWS[0]), list(GOOD_ROWS[1])
    first[HEADER.index("date")] = datetime(2000, 11, 15)  # noqa: DTZ001 -- a spreadsheet's cell
    second[HEADER.index("date")] = 2005
    preview = upload(coordinator_client, xlsx_file([first, second]), "xlsx")
    confirm = preview.context["confirm_form"]
    coordinator_client.post(
        reverse("admin:documents_legalresource_process_import"), confirm.initial
    )
    assert LegalResource.objects.get(slug="palermo").date == date(2000, 11, 15)
    cets = LegalResource.all_objects.get(slug="cets-197")
    assert (cets.date, cets.date_precision) == (date(2005, 1, 1), "year")


def test_an_unreadable_date_is_reported_in_french(coordinator_client):
    row = list(GOOD_ROWS[0])
    row[HEADER.index("date")] = "l'an 2000"
    response = upload(coordinator_client, csv_file([row]), "csv")
    assert "Tapez une année (2012), un mois (11/2000) ou un jour (15/11/2000)." in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert not LegalResource.all_objects.exists()


def test_an_export_keeps_a_year_a_year(coordinator_client, make_resource):
    make_resource(slug="model-law", date=date(2009, 1, 1), date_precision="year")
    assert exported(coordinator_client)[1][HEADER.index("date")] == "2009"
