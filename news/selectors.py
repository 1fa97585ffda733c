"""Reads of the news app that other apps use."""

from django.utils.translation import gettext as _

from .models import NewsItem


def public_events(*, when, now, limit=None):
    """Published news items that announce an event, for the public agenda and its feed
    (collectif/events.py): "upcoming", "past" or "all"."""
    items = NewsItem.objects.all()
    if when == "upcoming":
        items = items.upcoming_events(now)
    elif when == "past":
        items = items.past_events(now)
    else:
        items = items.events().order_by("event_start", "pk")
    return items[:limit] if limit else items


def news_item_links():
    """Link-checker source (documents/link_sources.py): the external links of the published
    news items."""
    rows = NewsItem.objects.published().order_by("pk").values_list("title_fr", "link_fr", "link_en")
    for title, link_fr, link_en in rows:
        yield link_fr, _("News « %(title)s », link (French)") % {"title": title}
        yield link_en, _("News « %(title)s », link (English)") % {"title": title}
