"""Reading and writing the spreadsheets French offices exchange: CSV (comma, semicolon or tab;
UTF-8 with or without its BOM, UTF-16 as Excel's « texte Unicode », else Windows-1252) and XLSX
(cells that are dates, numbers or text).

`read` returns a `Table` (the header, the data rows with their line numbers, and what was
read: format, encoding, separator) or raises `Unreadable` with a reason in the active
language. `fold` is how names are compared: case, accents, apostrophes and punctuation
ignored."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Beyond these, a file is not a list of texts or organisations kept by hand.
MAX_ROWS = 5000
MAX_COLUMNS = 100
# The preview sends the file back, compressed, with its confirmation: within the size Django
# accepts for a form's fields (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB).
MAX_BYTES = 1024 * 1024

DELIMITERS = {",": gettext_lazy("comma"), ";": gettext_lazy("semicolon"), "\t": gettext_lazy("tab")}
ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": gettext_lazy("UTF-8 with BOM"),
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


# A cell a spreadsheet would run as a formula (« =HYPERLINK(…) » in a description typed in the
# member area): written with a leading apostrophe in CSV, which the import takes off again,
# and as a text cell in XLSX.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _escape(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _unescape(cell):
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class Unreadable(Exception):
    """The file cannot be read as a table; the message says why, in the active language."""


def fold(text):
    """`text` as compared with names: « Comité contre l’Esclavage moderne » and
    "comite contre l'esclavage moderne" are the same, as are "in-force" and « In force »."""
    text = unicodedata.normalize("NFKD", str(text or "").casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (line in the file, cells)
    format: str = "csv"
    encoding: str = ""
    delimiter: str = ""

    @property
    def description(self):
        """What was read, for the preview: « CSV, UTF-8 with BOM, separator semicolon »."""
        if self.format == "xlsx":
            return "XLSX"
        return _("CSV, encoding %(encoding)s, separator: %(delimiter)s") % {
            "encoding": ENCODINGS[self.encoding],
            "delimiter": DELIMITERS[self.delimiter],
        }


def _decode(content):
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8"), "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "utf-16"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise Unreadable(
            _(
                "The file is neither UTF-8 nor Windows-1252 text: save it from the spreadsheet "
                "as « CSV UTF-8 » or as XLSX."
            )
        ) from None


def _sniff(text):
    """The separator of the header line: the one that splits it into the most columns (comma
    when the file has a single column)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {
        delimiter: len(next(csv.reader([first], delimiter=delimiter), []))
        for delimiter in DELIMITERS
    }
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])


def _read_csv(content):
    text, encoding = _decode(content)
    delimiter = _sniff(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as error:
        raise Unreadable(_("The CSV file is malformed: %(error)s") % {"error": error}) from None
    return [[_unescape(cell) for cell in record] for record in records], encoding, delimiter


def _cell(value):
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _read_xlsx(content):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise Unreadable(_("The XLSX file could not be opened: is it an Excel workbook?")) from None
    try:
        sheet = workbook.worksheets[0]
        records = []
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            records.append([_cell(value) for value in values])
            if len(records) > MAX_ROWS + 1:
                break
    finally:
        workbook.close()
    return records


def _is_blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def read(uploaded):
    """The table in an uploaded file (a Django UploadedFile or bytes)."""
    content = uploaded if isinstance(uploaded, bytes) else uploaded.read()
    if not content.strip():
        raise Unreadable(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise Unreadable(
            _("The file is larger than %(size)d MB: import it in several parts.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if content.startswith(b"PK\x03\x04"):
        records, encoding, delimiter = _read_xlsx(content), "", ""
        kind = "xlsx"
    elif content.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(_("This is an old Excel file (XLS): save it as XLSX or CSV."))
    else:
        records, encoding, delimiter = _read_csv(content)
        kind = "csv"
    lines = [(number, record) for number, record in enumerate(records, start=1)]
    lines = [(number, record) for number, record in lines if not all(map(_is_blank, record))]
    if not lines:
        raise Unreadable(_("The file is empty."))
    if len(lines) > MAX_ROWS + 1:
        raise Unreadable(
            _("The file has more than %(count)d rows: import it in several parts.")
            % {"count": MAX_ROWS}
        )
    header = [str(cell).strip() if cell is not None else "" for cell in lines[0][1]]
    while header and not header[-1]:
        header.pop()
    rows = [(number, list(record[: len(header)])) for number, record in lines[1:]]
    for _number, cells in rows:
        cells.extend([None] * (len(header) - len(cells)))
    return Table(header=header, rows=rows, format=kind, encoding=encoding, delimiter=delimiter)


def write_csv(header, rows):
    """UTF-8 with a BOM and semicolons, as French Excel opens it without asking."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_escape(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(header, rows, title=""):
    """Every cell as text, so that a year stays a year and an identifier is not a number."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title:
        sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31]  # what Excel allows
    sheet.append(header)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=str(value or ""))
            cell.data_type = "s"  # text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_date(value):
    """A spreadsheet's date cell as a date, else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None
