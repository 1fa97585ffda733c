"""News on pages of other apps (the home page), and the Markdown of news texts."""

from django import template

from news.models import NewsItem
from news.rich_text import render_markdown

register = template.Library()

HOME_ITEMS = 4


@register.filter
def markdown(text):
    """`{{ text|markdown }}`: sanitised HTML (see news.rich_text)."""
    return render_markdown(str(text or ""))


@register.inclusion_tag("news/_home.html")
def news_home():
    """The latest news for the home page (one query, whatever the number of items)."""
    return {
        "items": list(NewsItem.objects.published().select_related("proposer").latest()[:HOME_ITEMS])
    }
