"""Reading the tables French offices produce: every encoding and separator, XLSX cells, and
the files that cannot be read, refused with the reason."""

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest

from collectif import spreadsheets
from collectif.spreadsheets import Unreadable, fold

ROWS = [
    ["name", "acronym"],
    ["Comité contre l’esclavage moderne", "CCEM"],
    ["Mouvement du Nid", ""],
]


def as_csv(delimiter, rows=ROWS):
    return "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_encoding_and_separator_is_read(delimiter, encoding):
    rows = (
        ROWS if encoding != "cp1252" else [[cell.replace("’", "'") for cell in row] for row in ROWS]
    )
    table = spreadsheets.read(as_csv(delimiter, rows).encode(encoding))
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.header == ["name", "acronym"]
    assert [cells for _line, cells in table.rows] == rows[1:]
    assert [line for line, _cells in table.rows] == [2, 3]


def test_windows_1252_letters_are_read_as_such():
    table = spreadsheets.read(
        "nom;sigle\r\nAssociation Foyer Jorbalan;AFJ – Paris\r\n".encode("cp1252")
    )
    assert table.encoding == "cp1252"
    assert table.rows[0][1] == ["Association Foyer Jorbalan", "AFJ – Paris"]


def test_quoted_cells_keep_their_separators_and_line_breaks():
    content = 'name;description\r\n"Koutcha";"Maraudes; accueil\r\nà Paris"\r\n"Ruelle";""\r\n'
    table = spreadsheets.read(content.encode())
    assert table.rows[0][1] == ["Koutcha", "Maraudes; accueil\r\nà Paris"]


def test_blank_rows_are_skipped_and_short_rows_padded():
    table = spreadsheets.read(b"name,acronym\r\n\r\n,\r\nHors la Rue\r\n")
    assert table.rows == [(4, ["Hors la Rue", None])]


def test_xlsx_cells_that_are_dates_numbers_and_text():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["date", "year", "name"])
    sheet.append([datetime(2000, 11, 15), 2012.0, "ECPAT France"])  # noqa: DTZ001 -- a cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = spreadsheets.read(buffer.getvalue())
    assert table.format == "xlsx"
    assert table.rows == [(2, [date(2000, 11, 15), 2012, "ECPAT France"])]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "Le fichier est vide."),
        (b"\r\n  \r\n", "Le fichier est vide."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1",
            "C’est un ancien fichier Excel (XLS)\u202f: enregistrez-le en XLSX ou en CSV.",
        ),
        (
            b"PK\x03\x04 not a workbook",
            "Le fichier XLSX n’a pas pu être ouvert\u202f: est-ce bien un classeur Excel\u202f?",
        ),
        (
            b"name\r\nSOS Esclaves \x81\x8d\r\n",
            "Le fichier n’est un texte ni UTF-8 ni Windows-1252\u202f: enregistrez-le depuis le "
            "tableur en «\u202fCSV UTF-8\u202f» ou en XLSX.",
        ),
        (
            b"name\r\n" + b"x" * spreadsheets.MAX_BYTES,
            "Le fichier dépasse 1 Mo\u202f: importez-le en plusieurs parties.",
        ),
    ],
)
def test_an_unreadable_file_is_refused_with_the_reason(content, reason):
    with pytest.raises(Unreadable) as refused:
        spreadsheets.read(content)
    assert str(refused.value) == reason


def test_too_many_rows_are_refused():
    content = "name\r\n" + "".join(f"A{n}\r\n" for n in range(spreadsheets.MAX_ROWS + 1))
    with pytest.raises(Unreadable, match="plus de 5000 lignes"):
        spreadsheets.read(content.encode())


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Comité contre l’esclavage moderne", "comite contre l'esclavage moderne"),
        ("in-force", "In force"),
        ("Secours Catholique – Caritas France", "secours catholique caritas france"),
        ("  ÉTATS   membres ", "etats membres"),
    ],
)
def test_names_are_compared_without_case_accents_or_punctuation(one, other):
    assert fold(one) == fold(other)


def test_an_export_is_read_back_as_written():
    header, rows = ["name", "since"], [["Les Amis du Bus des Femmes", "2012"], ["Ruelle", ""]]
    for content in (spreadsheets.write_csv(header, rows), spreadsheets.write_xlsx(header, rows)):
        table = spreadsheets.read(content)
        assert table.header == header
        assert [[cell or "" for cell in cells] for _line, cells in table.rows] == rows


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_every_line_ending_is_read(newline):
    table = spreadsheets.read(
        newline.join(["name;acronym", "Fondation Scelles;", "Ruelle;"]).encode()
    )
    assert [cells[0] for _line, cells in table.rows] == ["Fondation Scelles", "Ruelle"]


FORMULAS = ['=HYPERLINK("https://example.org")', "+33 1 23 45 67 89", "- Maraudes", "@SUM(A1)"]


def test_an_export_never_hands_a_spreadsheet_a_formula():
    header, rows = ["description"], [[value] for value in FORMULAS]
    csv_text = spreadsheets.write_csv(header, rows).decode("utf-8-sig")
    written = [row[0] for row in csv.reader(io.StringIO(csv_text), delimiter=";")][1:]
    assert written == [f"'{value}" for value in FORMULAS]
    workbook = openpyxl.load_workbook(io.BytesIO(spreadsheets.write_xlsx(header, rows)))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    assert [(cell.value, cell.data_type) for cell in cells] == [(v, "s") for v in FORMULAS]
    for content in (csv_text.encode(), spreadsheets.write_xlsx(header, rows)):
        assert [cells[0] for _line, cells in spreadsheets.read(content).rows] == FORMULAS
