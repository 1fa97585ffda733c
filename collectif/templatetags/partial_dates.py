"""`{% partial_date value %}`: a date known to the day, the month or the year, in a `<time>`
element (see collectif/partial_dates.py). A plain date is known to the day."""

from datetime import date

from django import template
from django.utils.html import format_html

from collectif.partial_dates import PartialDate

register = template.Library()


@register.simple_tag
def partial_date(value):
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        value = PartialDate(value)
    return format_html('<time datetime="{}">{}</time>', value.iso, value.format())
