"""News on pages of other apps (the home page), and the Markdown of news texts."""

from django import template
from django.utils import timezone

from collectif import events
from meetings.models import Meeting
from news.models import NewsItem
from news.rich_text import render_markdown

register = template.Library()

HOME_ITEMS = 4
HOME_EVENTS = 3


@register.filter
def markdown(text):
    """`{{ text|markdown }}`: sanitised HTML (see news.rich_text)."""
    return render_markdown(str(text or ""))


@register.inclusion_tag("news/_home.html")
def news_home():
    """The latest news and the next public events (meetings and news items announcing an
    event), in three queries whatever their number."""
    now = timezone.now()
    return {
        "items": list(NewsItem.objects.published().for_cards().newest_first()[:HOME_ITEMS]),
        "events": events.upcoming(
            Meeting.objects.public().for_agenda().upcoming(now), now=now, limit=HOME_EVENTS
        ),
    }
