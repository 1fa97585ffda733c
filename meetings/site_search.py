"""Meetings in the site-wide search (collectif/site_search.py): public events for everyone;
for those who read the minutes (members-only) meetings, agenda items, and the action items
of their own organisations; nothing of the trash."""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from collectif.site_search import SearchResult
from documents import site_index
from members.access import can_read_members_only
from members.models import Organisation

from .models import ActionItem, AgendaItem, Meeting

MEETINGS, AGENDA_ITEMS, ACTION_ITEMS = "meetings", "agenda-items", "action-items"
SNIPPET_WORDS = 30


def meeting_parts(meeting):
    return {
        "title": [meeting.title_fr, meeting.title_en],
        "summary": [meeting.summary_fr, meeting.summary_en],
    }


def agenda_item_parts(item):
    return {
        "title": [item.title_fr, item.title_en],
        "summary": [item.decisions_fr, item.decisions_en],
        "body": [item.minutes_fr, item.minutes_en],
    }


def action_item_parts(action):
    return {"title": [action.text_fr, action.text_en], "body": [action.comment]}


def _date(moment):
    return timezone.localdate(moment) if moment else None


def events(query, *, user, limit):
    return site_index.group(
        "events",
        _("Events"),
        Meeting.objects.public(),
        query,
        index=site_index.postings(MEETINGS),
        limit=limit,
        result=lambda meeting: SearchResult(
            title=meeting.title,
            url=meeting.get_public_url(),
            snippet=Truncator(meeting.summary).words(SNIPPET_WORDS),
            date=_date(meeting.start),
        ),
    )


def minutes(query, *, user, limit):
    if not can_read_members_only(user):
        return None
    return site_index.group(
        "minutes",
        _("Minutes"),
        Meeting.objects.exclude(visibility=Meeting.Visibility.PUBLIC),
        query,
        index=site_index.postings(MEETINGS),
        limit=limit,
        result=lambda meeting: SearchResult(
            title=meeting.title,
            url=meeting.get_absolute_url(),
            snippet=Truncator(meeting.summary).words(SNIPPET_WORDS),
            date=_date(meeting.start),
        ),
    )


def _minutes_url(meeting_id, anchor):
    return reverse("meetings-portal:meeting-detail", kwargs={"pk": meeting_id}) + anchor


def agenda_items(query, *, user, limit):
    if not can_read_members_only(user):
        return None
    items = AgendaItem.objects.filter(meeting__deleted_at__isnull=True).select_related("meeting")
    return site_index.group(
        "agenda-items",
        _("Agenda items"),
        items,
        query,
        index=site_index.postings(AGENDA_ITEMS),
        limit=limit,
        result=lambda item: SearchResult(
            title=item.title,
            url=_minutes_url(item.meeting_id, f"#item-{item.pk}"),
            snippet=Truncator(item.decisions or item.minutes).words(SNIPPET_WORDS),
            date=_date(item.meeting.start),
        ),
    )


def action_items(query, *, user, limit):
    """Only the items of the reader's own organisations: another's are not theirs to read,
    even those the minutes show everyone."""
    if not can_read_members_only(user):
        return None
    mine = Organisation.objects.represented_by(user).values("pk")
    items = ActionItem.objects.filter(organisations__in=mine).distinct().select_related("meeting")
    return site_index.group(
        "action-items",
        _("My organisation's action items"),
        items,
        query,
        index=site_index.postings(ACTION_ITEMS),
        limit=limit,
        result=lambda action: SearchResult(
            title=str(action),
            url=_minutes_url(action.meeting_id, f"#action-{action.pk}"),
            snippet=str(action.meeting),
            date=action.due_on,
        ),
    )
