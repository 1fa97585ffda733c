"""Reads of the news app that other apps use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _

from .models import NewsItem

if TYPE_CHECKING:
    from django.db.models import QuerySet


# What the agenda and its feed show of an item, in both languages (the fallback).
EVENT_FIELDS = (
    *(f"{field}_{code}" for field in ("title", "summary") for code, _name in settings.LANGUAGES),
    *("slug", "event_start", "event_end", "event_place", "updated_at"),
)


def public_events(*, when: str, now: datetime, limit: int | None = None) -> QuerySet[NewsItem]:
    """Published news items that announce an event, for the public agenda and its feed
    (collectif/events.py): "upcoming", "past" or "all"."""
    items = NewsItem.objects.only(*EVENT_FIELDS)
    if when == "upcoming":
        items = items.upcoming_events(now)
    elif when == "past":
        items = items.past_events(now)
    else:
        items = items.events().order_by("event_start", "pk")
    return items[:limit] if limit else items


def news_item_links() -> Iterator[tuple[str, str]]:
    """Link-checker source (documents/link_sources.py): the external links of the published
    news items."""
    rows = NewsItem.objects.published().order_by("pk").values_list("title_fr", "link_fr", "link_en")
    for title, link_fr, link_en in rows:
        yield link_fr, _("News “%(title)s”, link (French)") % {"title": title}
        yield link_en, _("News “%(title)s”, link (English)") % {"title": title}
