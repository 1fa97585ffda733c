"""The public agenda's events: the meetings, with the events other apps register.

Each entry of `registry.event_sources` (added in an app's contributions.py) is a function
`(*, when, now, limit)` returning the app's public events, `when` being "upcoming" (not yet
over, soonest first) or "past" (latest first), at most `limit` of them if it is not None. An
event answers like a meeting: `title`, `summary`, `start`, `end`, `place`, `is_cancelled`,
`is_public`, `updated_at`, `get_public_url()` and `calendar_uid` (the news app adds the news
items that announce an event). With `limit=None` a source returns a queryset: the agenda counts
it for its pages."""

from . import registry


def _merged(meetings, *, when, now, limit):
    events = list(meetings[:limit] if limit else meetings)
    for source in registry.event_sources:
        events += list(source(when=when, now=now, limit=limit))
    events.sort(key=lambda event: event.start, reverse=when == "past")
    return events[:limit] if limit else events


def upcoming(meetings, *, now, limit=None):
    """`meetings` (already filtered: upcoming and public) with the other apps' upcoming
    events, soonest first."""
    return _merged(meetings, when="upcoming", now=now, limit=limit)


def past(meetings, *, now, limit=None):
    return _merged(meetings, when="past", now=now, limit=limit)


class Upcoming:
    """`meetings` (upcoming and public) with the other apps' upcoming events, soonest first, as
    a sequence a Paginator reads: its count (one query per source) and a slice (the first
    `stop` events of each source, merged: what a page costs grows with its number only)."""

    def __init__(self, meetings, *, now):
        self.meetings, self.now = meetings, now

    def count(self):
        others = registry.event_sources
        return self.meetings.count() + sum(
            source(when="upcoming", now=self.now, limit=None).count() for source in others
        )

    def __getitem__(self, page):
        if not isinstance(page, slice) or page.step is not None:
            raise TypeError("Upcoming events are read a page at a time: events[start:stop].")
        if not page.stop:
            return []
        return upcoming(self.meetings, now=self.now, limit=page.stop)[page.start : page.stop]


def with_all(meetings, *, now):
    """`meetings` with every public event of the other apps, for the calendar feeds."""
    events = list(meetings)
    for source in registry.event_sources:
        events += list(source(when="all", now=now, limit=None))
    events.sort(key=lambda event: event.start)
    return events
