"""iCalendar feeds of meetings, with their times in the Europe/Paris time zone."""

from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Ensemble contre la traite des etres humains//contrelatraite.org//FR"


def _event(meeting, *, url, stamp):
    event = icalendar.Event()
    # Events of other apps (collectif/events.py) bring their own identifier.
    uid = getattr(meeting, "calendar_uid", None) or f"meeting-{meeting.pk}@contrelatraite.org"
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", meeting.updated_at)
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.start.astimezone(PARIS))
    if meeting.end:
        event.add("dtend", meeting.end.astimezone(PARIS))
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.summary:
        event.add("description", meeting.summary)
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("class", "PUBLIC" if meeting.is_public else "PRIVATE")
    return event


def calendar_bytes(meetings, *, name, url_for):
    """The feed of `meetings` (titles in the active language); `url_for(meeting)` gives the
    absolute address of each meeting's page."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for meeting in meetings:
        calendar.add_component(_event(meeting, url=url_for(meeting), stamp=stamp))
    if not calendar.walk("VEVENT"):
        return calendar.to_ical()
    calendar.add_missing_timezones()
    return calendar.to_ical()
