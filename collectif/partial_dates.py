"""Dates known to the day, the month or the year only.

A text known only by its year is stored as 1 January of that year with the precision "year",
so that sorting, filtering by year and feeds work as for any date, and it is shown as « 2012 »,
never as a day it does not have. `parse` reads what people type, in the French or the ISO
order: « 2012 », « 11/2000 », « novembre 2000 », « 15/11/2000 », « 2000-11-15 »…
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from collectif import dates


class DateYear(models.Func):
    """The year of a date column, in SQL a stored generated column accepts (ExtractYear
    calls a Python function on SQLite)."""

    output_field = models.IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(SUBSTR(%(expressions)s, 1, 4) AS INTEGER)"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(EXTRACT(YEAR FROM %(expressions)s) AS INTEGER)"
        )


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


# Month names as people type them, accents and case folded, both languages.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "january", "jan", "janv"),
            ("fevrier", "february", "feb", "fev", "fevr"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr", "avr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul", "juil"),
            ("aout", "august", "aug"),
            ("septembre", "september", "sep", "sept"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("decembre", "december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_NUMERIC = [
    (re.compile(r"^(\d{4})$"), ("y",)),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})$"), ("y", "m")),
    (re.compile(r"^(\d{1,2})[-/.](\d{4})$"), ("m", "y")),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), ("d", "m", "y")),
]
_WORDS = re.compile(r"^(?:(\d{1,2})(?:er)?\s+)?([a-z]+)\.?\s+(\d{4})$")


def _fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if not unicodedata.combining(char)).strip()


@dataclass(frozen=True)
class PartialDate:
    value: date
    precision: str = DatePrecision.DAY

    @property
    def first_day(self):
        if self.precision == DatePrecision.YEAR:
            return self.value.replace(month=1, day=1)
        if self.precision == DatePrecision.MONTH:
            return self.value.replace(day=1)
        return self.value

    @property
    def iso(self):
        """For `<time datetime="…">`: « 2012 », « 2000-11 » or « 2000-11-15 »."""
        if self.precision == DatePrecision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @property
    def year(self):
        return self.value.year

    def format(self):
        """In the active language: « 2012 », « novembre 2000 », « 1er décembre 2000 »."""
        if self.precision == DatePrecision.YEAR:
            return str(self.value.year)
        if self.precision == DatePrecision.MONTH:
            return dates.month_year(self.value)
        return dates.long_date(self.value)

    def __str__(self):
        return self.format()


def parse(text):
    """The partial date written in `text`, or ValueError. Day-first when numeric (French and
    British order): « 05/04/2011 » is 5 April."""
    folded = _fold(str(text or ""))
    if not folded:
        raise ValueError("empty")
    for pattern, parts in _NUMERIC:
        found = pattern.match(folded)
        if found:
            values = dict(zip(parts, (int(group) for group in found.groups()), strict=True))
            return _build(values.get("y"), values.get("m"), values.get("d"))
    found = _WORDS.match(folded)
    if found and found.group(2) in MONTHS:
        day = int(found.group(1)) if found.group(1) else None
        return _build(int(found.group(3)), MONTHS[found.group(2)], day)
    raise ValueError(folded)


def _build(year, month=None, day=None):
    if not 1000 <= year <= 9999:
        raise ValueError(year)
    if month is None:
        return PartialDate(date(year, 1, 1), DatePrecision.YEAR)
    if day is None:
        return PartialDate(date(year, month, 1), DatePrecision.MONTH)
    return PartialDate(date(year, month, day), DatePrecision.DAY)


def as_typed(value):
    """How a partial date is written back into a form: « 2012 », « 11/2000 », « 15/11/2000 »."""
    if value.precision == DatePrecision.YEAR:
        return f"{value.value.year:04d}"
    if value.precision == DatePrecision.MONTH:
        return f"{value.value.month:02d}/{value.value.year:04d}"
    return value.value.strftime("%d/%m/%Y")


class PartialDateField(forms.CharField):
    """A date typed with what is known of it; cleans to a PartialDate."""

    default_error_messages = {
        "invalid": _("Type a year (2012), a month (11/2000) or a day (15/11/2000)."),
    }

    max_typed = 40

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update(maxlength=str(self.max_typed), size="12")

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return as_typed(value)
        if isinstance(value, date):
            return as_typed(PartialDate(value))
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            if len(value) > self.max_typed:
                raise ValueError(value)
            return parse(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
