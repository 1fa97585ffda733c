"""Importing and exporting legal texts as real spreadsheets: CSV in each encoding and separator
French offices produce, XLSX; a bad file refused whole, each problem named with its column,
value, reason and accepted values, in French and in English; duplicates matched or flagged;
the preview shows each change; an export imported again changes nothing."""

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collectif import spreadsheets
from documents.models import LegalReference, LegalResource

pytestmark = pytest.mark.django_db

HEADER = [
    "slug",
    "title_fr",
    "title_en",
    "common_names_fr",
    "kind",
    "body",
    "level",
    "date",
    "references",
    "entry_into_force",
    "france_signature",
    "france_ratification",
    "themes",
    "url_en",
    "status",
    "amends",
    "is_published",
]

# Real texts: the Palermo Protocol (A/RES/55/25), the Warsaw Convention (CETS No. 197),
# Directive 2011/36/EU and the French law of 13 April 2016; bodies and themes written as
# people write them, by acronym or name in either language.
PALERMO = {
    "slug": "protocole-de-palerme",
    "title_fr": (
        "Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier "
        "des femmes et des enfants"
    ),
    "title_en": (
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
        "Children"
    ),
    "common_names_fr": "Protocole de Palerme",
    "kind": "Protocole",
    "body": "ONU",
    "level": "international",
    "date": "15/11/2000",
    "references": "UN: A/RES/55/25",
    "entry_into_force": "25/12/2003",
    "france_signature": "12/12/2000",
    "france_ratification": "29/10/2002",
    "themes": "Mineurs, sexual exploitation",
    "url_en": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent",
    "status": "en vigueur",
    "is_published": "oui",
}
WARSAW = {
    "slug": "convention-de-varsovie",
    "title_fr": "Convention du Conseil de l'Europe sur la lutte contre la traite des êtres humains",
    "title_en": "Council of Europe Convention on Action against Trafficking in Human Beings",
    "kind": "convention",
    "body": "Council of Europe",
    "level": "Européen",
    "date": "2005-05-16",
    "references": "STCE: 197",
    "entry_into_force": "2008-02-01",
    "themes": "victim-support",
    "status": "in-force",
    "is_published": "1",
}
DIRECTIVE = {
    "slug": "directive-2011-36",
    "title_fr": "Directive 2011/36/UE concernant la prévention de la traite des êtres humains",
    "kind": "directive",
    "body": "union européenne",
    "level": "european",
    "date": "2011",
    "references": "CELEX: 32011L0036",
    "status": "Amended",
    "amends": "",
    "is_published": "0",
}
LAW_2016 = {
    "slug": "loi-2016-444",
    "title_fr": (
        "Loi n° 2016-444 du 13 avril 2016 visant à renforcer la lutte contre le système "
        "prostitutionnel et à accompagner les personnes prostituées"
    ),
    "kind": "loi",
    "body": "République française",
    "level": "national",
    "date": "2016-04",
    "references": "NOR: JUSX1305768L",
    "themes": "Exploitation sexuelle",
    "is_published": "1",
}
GOOD = [PALERMO, WARSAW, DIRECTIVE, LAW_2016]


def cells(row, header=HEADER):
    return [row.get(name, "") for name in header]


def csv_bytes(rows, *, delimiter=",", encoding="utf-8", header=HEADER):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(cells(row, header) for row in rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(cells(row, header))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_url():
    return reverse("admin:documents_legalresource_import")


def preview(client, content, name="textes.csv"):
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


def imported(client, content, name="textes.csv"):
    response = confirm(client, preview(client, content, name))
    assert response.status_code == 302, response.context and [
        vars(p) for p in response.context["problems"]
    ]
    return response


def problems(response):
    return [
        (p.line, p.column, p.value, str(p.reason), str(p.accepted))
        for p in response.context["problems"]
    ]


def page_text(response):
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


@pytest.mark.parametrize(
    ("encoding", "delimiter", "read_as"),
    [
        ("utf-8", ",", "CSV, encodage UTF-8, séparateur\u202f: virgule"),
        ("utf-8-sig", ";", "CSV, encodage UTF-8 avec BOM, séparateur\u202f: point-virgule"),
        ("cp1252", ";", "CSV, encodage Windows-1252, séparateur\u202f: point-virgule"),
        ("cp1252", ",", "CSV, encodage Windows-1252, séparateur\u202f: virgule"),
        ("utf-8", "\t", "CSV, encodage UTF-8, séparateur\u202f: tabulation"),
    ],
)
def test_good_csv_files_in_each_encoding_and_separator(
    coordinator_client, encoding, delimiter, read_as
):
    content = csv_bytes(GOOD, delimiter=delimiter, encoding=encoding)
    page = preview(coordinator_client, content)
    assert read_as in page_text(page)
    assert page.context["plan"].counts == {"new": 4, "update": 0, "unchanged": 0}
    assert not LegalResource.all_objects.exists()  # the preview wrote nothing
    assert confirm(coordinator_client, page).status_code == 302
    palermo = LegalResource.objects.get(slug="protocole-de-palerme")
    assert palermo.title_fr.startswith("Protocole visant à prévenir")  # accents read right
    assert palermo.body.slug == "united-nations"
    assert palermo.kind == "protocol"
    assert (palermo.date, palermo.date_precision) == (date(2000, 11, 15), "day")
    assert palermo.france_ratification == date(2002, 10, 29)
    assert palermo.common_names_fr == "Protocole de Palerme"
    assert sorted(palermo.themes.values_list("slug", flat=True)) == [
        "minors",
        "sexual-exploitation",
    ]
    assert [(r.scheme, r.value) for r in palermo.references.all()] == [("un", "A/RES/55/25")]
    assert palermo.is_published
    assert list(LegalResource.objects.search("A/RES/55/25")) == [palermo]
    warsaw = LegalResource.objects.get(slug="convention-de-varsovie")
    assert (warsaw.body.slug, warsaw.level) == ("council-of-europe", "european")
    assert [(r.scheme, r.value) for r in warsaw.references.all()] == [("cets", "197")]
    directive = LegalResource.objects.get(slug="directive-2011-36")
    assert (directive.date, directive.date_precision) == (date(2011, 1, 1), "year")
    assert (directive.status, directive.is_published) == ("amended", False)
    law = LegalResource.objects.get(slug="loi-2016-444")
    assert (law.date, law.date_precision, law.kind) == (date(2016, 4, 1), "month", "law")


def test_good_xlsx_file_with_date_number_and_text_cells(coordinator_client):
    palermo = {**PALERMO, "date": datetime(2000, 11, 15)}  # noqa: DTZ001 -- a spreadsheet's cell
    directive = {**DIRECTIVE, "date": 2011, "is_published": 0}
    page = preview(coordinator_client, xlsx_bytes([palermo, WARSAW, directive]), "textes.xlsx")
    assert "XLSX" in page_text(page)
    assert confirm(coordinator_client, page).status_code == 302
    assert LegalResource.objects.get(slug="protocole-de-palerme").date == date(2000, 11, 15)
    text = LegalResource.all_objects.get(slug="directive-2011-36")
    assert (text.date, text.date_precision, text.is_published) == (date(2011, 1, 1), "year", False)


BAD = [
    {**PALERMO, "body": "Nations désunies"},
    {**WARSAW, "themes": "victim-support, licornes"},
    {**DIRECTIVE, "kind": "poème", "status": "abrogée peut-être"},
    {**LAW_2016, "date": "l'an 2016", "level": "régional"},
]


def test_bad_file_is_refused_whole_with_each_problem_in_french(coordinator_client):
    page = preview(coordinator_client, csv_bytes(BAD, delimiter=";", encoding="cp1252"))
    assert page.context["plan"] is None
    found = {
        (line, column): (value, reason, accepted)
        for line, column, value, reason, accepted in problems(page)
    }
    assert set(found) == {
        (2, "body"),
        (3, "themes"),
        (4, "kind"),
        (4, "status"),
        (5, "date"),
        (5, "level"),
    }
    value, reason, accepted = found[(2, "body")]
    assert (value, reason) == ("Nations désunies", "Valeur inconnue.")
    assert "united-nations (Organisation des Nations unies (ONU))" in accepted
    value, reason, accepted = found[(3, "themes")]
    assert reason == "Valeur inconnue\u202f: «\u202flicornes\u202f»."
    assert "victim-support (Accompagnement des victimes)" in accepted
    assert found[(4, "kind")][1] == "Valeur inconnue."
    assert "directive (Directive)" in found[(4, "kind")][2]
    assert "repealed (Abrogé)" in found[(4, "status")][2]
    assert found[(5, "date")] == (
        "l'an 2016",
        "Ce n'est pas une date.",
        "2012, 2000-11, 11/2000, 2000-11-15 ou 15/11/2000",
    )
    assert "national (National)" in found[(5, "level")][2]
    text = page_text(page)
    assert "Rien n'a été importé\u202f: le fichier est refusé." in text
    assert "Nations désunies" in text
    assert not LegalResource.all_objects.exists()


def test_bad_file_messages_in_english(coordinator_client, settings):
    settings.ADMIN_LANGUAGE_CODE = "en"
    page = preview(coordinator_client, csv_bytes(BAD))
    found = {
        (line, column): (reason, accepted) for line, column, _v, reason, accepted in problems(page)
    }
    assert found[(2, "body")][0] == "Unknown value."
    assert "case-law (Case law)" in found[(4, "kind")][1]
    assert "united-nations (United Nations (UN))" in found[(2, "body")][1]
    assert found[(3, "themes")][0] == "Unknown value: “licornes”."
    assert "victim-support (Victim support)" in found[(3, "themes")][1]
    assert "repealed (Repealed)" in found[(4, "status")][1]
    assert found[(5, "date")] == (
        "Not a date.",
        "2012, 2000-11, 11/2000, 2000-11-15 or 15/11/2000",
    )
    assert "Nothing was imported: the file is refused." in page_text(page)


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Cette colonne obligatoire manque."), ("en", "This required column is missing.")],
)
def test_a_missing_required_column_refuses_the_file(
    coordinator_client, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    header = [name for name in HEADER if name != "body"]
    page = preview(coordinator_client, csv_bytes(GOOD, header=header))
    assert problems(page) == [(None, "body", "", message, "")]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "fr",
            "Cette ligne a le même identifiant que la ligne 2\u202f: "
            "un texte n’apparaît qu’une fois.",
        ),
        ("en", "This row has the same identifier as line 2: a text appears once."),
    ],
)
def test_the_same_key_twice_in_the_file_is_refused(coordinator_client, settings, language, message):
    settings.ADMIN_LANGUAGE_CODE = language
    page = preview(
        coordinator_client, csv_bytes([PALERMO, WARSAW, {**PALERMO, "title_fr": "Autre"}])
    )
    assert (4, "slug", "protocole-de-palerme", message, "") in problems(page)
    assert not LegalResource.all_objects.exists()


def test_the_same_reference_twice_in_the_file_is_refused(coordinator_client):
    twice = {**WARSAW, "slug": "varsovie-bis", "title_fr": "Convention de Varsovie"}
    page = preview(coordinator_client, csv_bytes([WARSAW, twice]))
    (line, column, _value, reason, _accepted), *_ = problems(page)
    assert (line, column) == (3, "references")
    assert "la même référence «\u202fSTCE n° 197\u202f» que la ligne 2" in reason


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        (
            "fr",
            "Cette ligne a la même référence «\u202fCELEX 32011L0036\u202f» que le texte "
            "«\u202fdirective-2011-36\u202f» de la bibliothèque\u202f: "
            "donnez cet identifiant pour le mettre à jour, plutôt que de le doubler.",
        ),
        (
            "en",
            "This row has the same reference “CELEX 32011L0036” as the text "
            "“directive-2011-36” of the library: give that identifier to update it, rather "
            "than doubling it.",
        ),
    ],
)
def test_a_row_duplicating_an_existing_text_by_reference_is_flagged(
    coordinator_client, settings, language, reason
):
    imported(coordinator_client, csv_bytes([DIRECTIVE]))
    settings.ADMIN_LANGUAGE_CODE = language
    again = {**DIRECTIVE, "slug": "directive-traite-2011"}
    page = preview(coordinator_client, csv_bytes([again]))
    assert problems(page) == [(2, "slug", "directive-traite-2011", reason, "")]
    assert LegalResource.all_objects.count() == 1


def test_a_row_duplicating_an_existing_text_by_title_and_date_is_flagged(coordinator_client):
    imported(coordinator_client, csv_bytes([LAW_2016]))
    again = {
        **LAW_2016,
        "slug": "loi-prostitution",
        "references": "",
        "title_fr": LAW_2016["title_fr"].upper(),
    }
    (problem,) = problems(preview(coordinator_client, csv_bytes([again])))
    assert "le même titre et la même date que le texte «\u202floi-2016-444\u202f»" in problem[3]


def test_a_row_without_identifier_is_matched_to_the_text_of_its_reference(coordinator_client):
    imported(coordinator_client, csv_bytes([WARSAW]))
    row = {**WARSAW, "slug": "", "references": "CETS No. 197", "entry_into_force": "01/02/2008"}
    page = preview(coordinator_client, csv_bytes([row]))
    (planned,) = page.context["plan"].rows
    assert planned.action == "unchanged"
    assert "trouvé par la même référence «\u202fSTCE n° 197\u202f»" in page_text(page)
    imported(coordinator_client, csv_bytes([row]))
    assert LegalResource.objects.count() == 1


def test_the_preview_shows_old_and_new_values_of_updated_rows(coordinator_client):
    imported(coordinator_client, csv_bytes(GOOD))
    changed = {**WARSAW, "status": "amended", "themes": "victim-support, advocacy"}
    page = preview(coordinator_client, csv_bytes([PALERMO, changed]))
    first, second = page.context["plan"].rows
    assert first.action == "unchanged"
    assert second.action == "update"
    assert [(c.label, c.old, c.new) for c in second.changes] == [
        # In words, as the admin shows them, not the codes the file may use.
        ("thématiques", "Accompagnement des victimes", "Accompagnement des victimes, Plaidoyer"),
        ("statut juridique", "En vigueur", "Modifié"),
    ]
    text = page_text(page)
    assert "<del>En vigueur</del> → <ins>Modifié</ins>" in text
    assert "0 nouveau(x), 1 mis à jour, 1 inchangé(s)." in text
    imported(coordinator_client, csv_bytes([PALERMO, changed]))
    assert LegalResource.objects.get(slug="convention-de-varsovie").status == "amended"


def test_a_record_changed_after_the_preview_asks_to_check_again(coordinator_client):
    imported(coordinator_client, csv_bytes([WARSAW]))
    page = preview(coordinator_client, csv_bytes([{**WARSAW, "status": "amended"}]))
    LegalResource.objects.filter(slug="convention-de-varsovie").update(title_en="Edited", version=9)
    response = confirm(coordinator_client, page)
    assert response.status_code == 200
    assert response.context["changed_since_preview"]
    assert LegalResource.objects.get(slug="convention-de-varsovie").status == "in-force"


def export(client, kind="csv"):
    response = client.get(reverse("admin:documents_legalresource_export", args=[kind]))
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_re_import_of_an_export_changes_nothing(coordinator_client, kind):
    imported(coordinator_client, csv_bytes(GOOD))
    LegalResource.objects.filter(slug="directive-2011-36").update(
        replaced_by=LegalResource.objects.get(slug="loi-2016-444")
    )
    LegalResource.objects.get(slug="loi-2016-444").amends.set(
        [LegalResource.objects.get(slug="protocole-de-palerme")]
    )
    before = list(LegalResource.objects.order_by("pk").values())
    content = export(coordinator_client, kind)
    page = preview(coordinator_client, content, f"export.{kind}")
    assert page.context["plan"].counts == {"new": 0, "update": 0, "unchanged": 4}
    imported(coordinator_client, content, f"export.{kind}")
    after = list(LegalResource.objects.order_by("pk").values())
    assert after == before  # versions and update times included: nothing was saved


def test_the_export_lists_every_documented_column(coordinator_client):
    imported(coordinator_client, csv_bytes([PALERMO]))
    table = spreadsheets.read(export(coordinator_client))
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
    row = dict(zip(table.header, table.rows[0][1], strict=True))
    assert row["references"] == "un: A/RES/55/25"
    assert row["date"] == "2000-11-15"
    assert row["body"] == "united-nations"
    assert row["themes"] == "minors,sexual-exploitation"
    assert row["france_ratification"] == "2002-10-29"
    assert set(table.header) >= {
        "common_names_en",
        "summary_fr",
        "consolidated_url",
        "last_checked",
    }


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_template_file_imports_cleanly(coordinator_client, kind):
    response = coordinator_client.get(
        reverse("admin:documents_legalresource_template", args=[kind])
    )
    table = spreadsheets.read(response.content)
    assert len(table.rows) == 1
    page = preview(coordinator_client, response.content, f"modele.{kind}")
    assert page.context["plan"].counts["new"] == 1
    imported(coordinator_client, response.content, f"modele.{kind}")
    directive = LegalResource.all_objects.get(slug="directive-2011-36-ue")
    assert directive.body.slug == "european-union"
    assert LegalReference.objects.filter(resource=directive, value="32011L0036").exists()


def test_the_import_page_lists_the_columns_and_accepted_values(coordinator_client):
    text = page_text(coordinator_client.get(import_url()))
    for expected in (
        "france_ratification",
        "common_names_fr",
        "european-union (Union européenne (UE))",
        "Exploitation sexuelle",
    ):
        assert expected in text


def test_a_text_referred_to_must_exist_or_come_earlier(coordinator_client):
    amending = {**LAW_2016, "amends": "protocole-de-palerme, nulle-part"}
    page = preview(coordinator_client, csv_bytes([PALERMO, amending]))
    ((line, column, value, reason, _accepted),) = problems(page)
    assert (line, column, value) == (3, "amends", "nulle-part")
    assert reason == "Aucun texte de ce nom dans la bibliothèque ni plus haut dans le fichier."
    imported(
        coordinator_client, csv_bytes([PALERMO, {**LAW_2016, "amends": "protocole-de-palerme"}])
    )
    law = LegalResource.objects.get(slug="loi-2016-444")
    assert [text.slug for text in law.amends.all()] == ["protocole-de-palerme"]


def test_the_model_s_rules_are_checked_in_the_preview(coordinator_client):
    early = {**WARSAW, "entry_into_force": "2001-01-01"}
    ((line, column, _value, reason, _accepted),) = problems(
        preview(coordinator_client, csv_bytes([early]))
    )
    assert (line, column) == (2, "entry_into_force")
    assert reason == "Un texte ne peut pas entrer en vigueur avant d’être adopté."


@pytest.mark.parametrize(
    "content",
    [b"", b"\xd0\xcf\x11\xe0old excel", b"PK\x03\x04broken zip"],
)
def test_an_unreadable_file_is_refused_with_the_reason(coordinator_client, content):
    page = preview(coordinator_client, content)
    assert page.context["plan"] is None
    assert len(page.context["problems"]) == 1


@pytest.mark.parametrize("rows", [10, 200])
def test_the_preview_reads_the_database_a_fixed_number_of_times(coordinator_client, rows):
    many = [
        {**LAW_2016, "slug": f"loi-{number}", "title_fr": f"Loi {number}", "references": ""}
        for number in range(rows)
    ]
    content = csv_bytes(many)
    with CaptureQueriesContext(connection) as queries:
        page = preview(coordinator_client, content)
    assert page.context["plan"].counts["new"] == rows
    assert len(queries) == 8


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("representative", 302), ("staff", 403), ("coordinator", 200)],
)
@pytest.mark.parametrize(
    "url",
    [
        "admin:documents_legalresource_import",
        ("admin:documents_legalresource_template", "csv"),
        ("admin:documents_legalresource_export", "xlsx"),
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
    name, *args = [url] if isinstance(url, str) else url
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]
    response = client.post(
        reverse("admin:documents_legalresource_import"),
        {"import_file": SimpleUploadedFile("t.csv", csv_bytes([PALERMO]))},
    )
    assert response.status_code == status
    assert not LegalResource.all_objects.exists()


@pytest.mark.parametrize("rows", [10, 200])
def test_the_preview_of_updates_reads_the_database_a_fixed_number_of_times(
    coordinator_client, bodies, rows
):
    LegalResource.objects.bulk_create(
        LegalResource(
            slug=f"loi-{number}",
            title_fr=f"Loi {number}",
            kind="law",
            level="national",
            body=bodies["french-republic"],
            date=date(2016, 4, 1),
        )
        for number in range(rows)
    )
    LegalReference.objects.bulk_create(
        LegalReference(resource=text, scheme="other", value=f"n° {text.pk}")
        for text in LegalResource.objects.all()
    )
    many = [
        {**LAW_2016, "slug": f"loi-{number}", "title_fr": f"Loi {number}", "references": ""}
        for number in range(rows)
    ]
    with CaptureQueriesContext(connection) as queries:
        page = preview(coordinator_client, csv_bytes(many))
    assert page.context["plan"].counts["update"] == rows
    assert len(queries) == 12


def test_the_export_reads_the_database_a_fixed_number_of_times(coordinator_client):
    imported(coordinator_client, csv_bytes(GOOD[:2]))
    with CaptureQueriesContext(connection) as few:
        export(coordinator_client)
    imported(coordinator_client, csv_bytes(GOOD[2:]))
    with CaptureQueriesContext(connection) as more:
        export(coordinator_client)
    assert len(more) == len(few)


def test_columns_may_be_named_by_their_label_in_french_or_english(coordinator_client):
    header = ["Titre français", "TYPE", "Issuing body", "niveau", "Date", "Références officielles"]
    row = {
        "Titre français": "Protocole de 2014 relatif à la convention sur le travail forcé, 1930",
        "TYPE": "protocol",
        "Issuing body": "International Labour Organization",
        "niveau": "international",
        "Date": "11/06/2014",
        "Références officielles": "OIT: P029",
    }
    imported(coordinator_client, csv_bytes([row], header=header, delimiter=";"))
    text = LegalResource.all_objects.get()
    assert text.slug == "protocole-de-2014-relatif-a-la-convention-sur-le-travail-force-1930"
    assert (text.body.slug, text.date) == ("ilo", date(2014, 6, 11))
    assert [(r.scheme, r.value) for r in text.references.all()] == [("ilo", "P029")]


def test_an_unknown_column_refuses_the_file_listing_the_columns(coordinator_client):
    header = [*HEADER, "titre"]
    ((line, column, _value, reason, accepted),) = problems(
        preview(coordinator_client, csv_bytes([PALERMO], header=header))
    )
    assert (line, column, reason) == (None, "titre", "Colonne inconnue.")
    assert accepted.startswith("slug, title_fr, title_en, common_names_fr")
