"""Dates and times as every page, e-mail and feed shows them, in the active language.

French: « 1er janvier 2008 », « 16 h », « 16 h 30 », « 10 h – 12 h 30 ». English:
"1 January 2008", "16:00", "10:00 – 12:30". Django's format characters cannot write the French
ordinal of the first day nor leave out « :00 », hence these functions (the formats themselves
are in collectif/formats/).
"""

from datetime import datetime

from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language, get_language_info, gettext

NBSP = "\xa0"


def _is_french():
    return (get_language() or "").startswith("fr")


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _with_ordinal(value, pattern):
    # French writes the first day of a month as an ordinal: « 1er janvier ».
    if value.day == 1 and _is_french():
        return pattern.replace("j", "\\1\\e\\r")
    return pattern


def long_date(value, weekday=False):
    """« 1er janvier 2008 » / "1 January 2008"; with the weekday: « mardi 1er janvier 2008 »."""
    if value in (None, ""):
        return ""
    value = _local(value)
    pattern = get_format("DATE_FORMAT")
    if weekday:
        pattern = "l " + pattern
    return dateformat.format(value, _with_ordinal(value, pattern))


def month_year(value):
    if value in (None, ""):
        return ""
    return dateformat.format(_local(value), get_format("YEAR_MONTH_FORMAT"))


def time_of_day(value):
    """« 16 h », « 16 h 30 » / "16:00"."""
    if value in (None, ""):
        return ""
    value = _local(value)
    if _is_french():
        minutes = f"{NBSP}{value.minute:02d}" if value.minute else ""
        return f"{value.hour}{NBSP}h{minutes}"
    return dateformat.time_format(value, get_format("TIME_FORMAT"))


def time_range(start, end):
    """« 10 h – 12 h 30 » / "10:00 – 12:30"."""
    return f"{time_of_day(start)}{NBSP}– {time_of_day(end)}"


def date_time(value, weekday=False):
    """« 1er janvier 2008 à 16 h » / "1 January 2008, 16:00"."""
    if value in (None, ""):
        return ""
    return gettext("%(date)s, %(time)s") % {
        "date": long_date(value, weekday=weekday),
        "time": time_of_day(value),
    }


def language_name(code):
    """The name of a language inside a sentence: French writes it in lower case (« en
    français »), English capitalised ("in French")."""
    name = get_language_info(code)["name_translated"]
    return name.lower() if _is_french() else name
