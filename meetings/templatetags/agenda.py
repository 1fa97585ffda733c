"""`{% event_when meeting %}`: when a meeting or another public event takes place, as every page
shows it (a tag rather than a template: the agenda writes it for each of its rows)."""

from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString

from collectif import dates

register = template.Library()


def _time(value, text):
    return f'<time datetime="{value.isoformat()}">{escape(text)}</time>'


@register.simple_tag
def event_when(event):
    """« mercredi 1er octobre 2014 à 10 h – 12 h 30 », the end's day written only when it
    differs; each moment in a <time> (Paris time, as `|date:'c'` writes it)."""
    start = timezone.localtime(event.start)
    html = _time(start, dates.date_time(start, weekday=True))
    if event.end:
        end = timezone.localtime(event.end)
        if end.date() == start.date():
            html += f"&nbsp;– {_time(end, dates.time_of_day(end))}"
        else:
            html += f" – {_time(end, dates.date_time(end, weekday=True))}"
    return SafeString(html)
