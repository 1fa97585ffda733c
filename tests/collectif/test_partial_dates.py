"""Dates known to the day, the month or the year: what people type, and what pages show."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from collectif.partial_dates import DatePrecision, PartialDate, PartialDateField, as_typed, parse


@pytest.mark.parametrize(
    ("typed", "value", "precision"),
    [
        ("2012", date(2012, 1, 1), DatePrecision.YEAR),
        (" 2012 ", date(2012, 1, 1), DatePrecision.YEAR),
        ("11/2000", date(2000, 11, 1), DatePrecision.MONTH),
        ("2000-11", date(2000, 11, 1), DatePrecision.MONTH),
        ("novembre 2000", date(2000, 11, 1), DatePrecision.MONTH),
        ("November 2000", date(2000, 11, 1), DatePrecision.MONTH),
        ("févr. 2009", date(2009, 2, 1), DatePrecision.MONTH),
        ("15/11/2000", date(2000, 11, 15), DatePrecision.DAY),
        ("15.11.2000", date(2000, 11, 15), DatePrecision.DAY),
        ("2000-11-15", date(2000, 11, 15), DatePrecision.DAY),
        ("1er décembre 2000", date(2000, 12, 1), DatePrecision.DAY),
        ("5 April 2011", date(2011, 4, 5), DatePrecision.DAY),
        ("05/04/2011", date(2011, 4, 5), DatePrecision.DAY),
    ],
)
def test_what_people_type_is_read_with_its_precision(typed, value, precision):
    assert parse(typed) == PartialDate(value, precision)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "2012-13",
        "31/02/2012",
        "32/01/2012",
        "0999",
        "99999",
        "l'an 2000",
        "mars",
        "12 foo 2000",
    ],
)
def test_what_is_not_a_date_is_refused(typed):
    with pytest.raises(ValueError):  # noqa: PT011 -- its message is the input; the type is the contract
        parse(typed)


@pytest.mark.parametrize(
    ("partial", "french", "english", "iso"),
    [
        (PartialDate(date(2012, 1, 1), "year"), "2012", "2012", "2012"),
        (PartialDate(date(2000, 11, 1), "month"), "novembre 2000", "November 2000", "2000-11"),
        (
            PartialDate(date(2000, 11, 15), "day"),
            "15 novembre 2000",
            "15 November 2000",
            "2000-11-15",
        ),
        (PartialDate(date(2008, 2, 1), "day"), "1er février 2008", "1 February 2008", "2008-02-01"),
    ],
)
def test_pages_show_only_what_is_known(partial, french, english, iso):
    template = Template("{% load partial_dates %}{% partial_date value %}")
    with translation.override("fr"):
        assert (
            template.render(Context({"value": partial}))
            == f'<time datetime="{iso}">{french}</time>'
        )
    with translation.override("en"):
        assert partial.format() == english


def test_a_form_gives_a_partial_date_back_as_typed_and_explains_a_bad_one():
    field = PartialDateField()
    assert field.clean("11/2000") == PartialDate(date(2000, 11, 1), "month")
    assert field.prepare_value(PartialDate(date(2000, 11, 1), "month")) == "11/2000"
    assert as_typed(PartialDate(date(2012, 1, 1), "year")) == "2012"
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            field.clean("mardi")
        assert "Tapez une année (2012)" in str(error.value)
        with pytest.raises(ValidationError):
            field.clean("1" * 500)
