"""`{% load dates %}`: the shared date and time formats (collectif/dates.py) in templates.
Templates use these instead of `|date:"…"`, which can neither write « 1er » nor « 16 h »."""

from django import template

from collectif import dates

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value):
    return dates.long_date(value)


@register.filter(expects_localtime=True)
def weekday_date(value):
    return dates.long_date(value, weekday=True)


@register.filter(expects_localtime=True)
def time_of_day(value):
    return dates.time_of_day(value)


@register.filter(expects_localtime=True)
def date_time(value):
    return dates.date_time(value)


@register.filter(expects_localtime=True)
def weekday_date_time(value):
    return dates.date_time(value, weekday=True)


@register.simple_tag
def time_range(start, end):
    return dates.time_range(start, end)


@register.filter
def language_name(code):
    """A language's name in the running text of the page: « en français », "in French"."""
    return dates.language_name(code)
