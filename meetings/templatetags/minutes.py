"""`{{ text|minutes_markdown }}`: the Markdown of the minutes, as sanitised HTML."""

from django import template

from meetings.rich_text import render_minutes

register = template.Library()


@register.filter
def minutes_markdown(text):
    return render_minutes(str(text or ""))
