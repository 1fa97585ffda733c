"""Reads that assemble a page: the compte-rendu of a meeting, the lists of action items.

Each costs a fixed number of queries, whatever the number of sections, items or people."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from collectif import fragments
from collectif.collation import collated
from collectif.permissions import is_coordinator
from members.access import can_read_members_only
from members.models import Organisation

from .models import (
    ActionItem,
    AgendaItem,
    Annex,
    Attendance,
    Meeting,
    PersonMet,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.db.models import QuerySet

    from documents.models import Document


@dataclass
class Reader:
    """Who reads, worked out once per page: coordinator? which organisations?"""

    user: object
    is_coordinator: bool
    organisation_ids: frozenset
    reads_minutes: bool

    @classmethod
    def of(cls, user: User | AnonymousUser) -> Reader:
        if not (user.is_authenticated and user.is_active):
            return cls(user, False, frozenset(), False)
        coordinator = is_coordinator(user)
        represented = dict(
            Organisation.objects.represented_by(user).order_by().values_list("pk", "status")
        )
        return cls(
            user,
            coordinator,
            frozenset(represented),
            coordinator or can_read_members_only(user, statuses=represented.values()),
        )

    @property
    def key(self) -> tuple:
        """What decides what this reader sees of a compte-rendu: readers with the same key see
        the same page (collectif/fragments.py keeps it for them)."""
        return (self.is_coordinator, self.reads_minutes, tuple(sorted(self.organisation_ids)))

    @classmethod
    def kept_for(cls, user: User | AnonymousUser) -> Reader:
        """Reader.of(user), its organisations and coordinator group kept in the cache until the
        next write, as the pages are (collectif/fragments.py): a representative removed, an
        organisation that left, a coordinator taken out of the group, each a write, count at
        once. The account's own flags are the request's (is_active, is_staff, is_superuser).
        For pages that only read: whatever writes asks Reader.of()."""
        if not (user.is_authenticated and user.is_active):
            return cls.of(user)

        def facts() -> tuple[bool, frozenset, bool]:
            reader = cls.of(user)
            return reader.is_coordinator, reader.organisation_ids, reader.reads_minutes

        is_coordinator, organisation_ids, reads_minutes = fragments.get_or_compute(
            "reader", [user.pk, user.is_active, user.is_staff, user.is_superuser], facts
        )
        return cls(user, is_coordinator, organisation_ids, reads_minutes)

    def sees(self, item: ActionItem) -> bool:
        """Restricted action items are for their owners and the coordination only."""
        if not item.restricted or self.is_coordinator:
            return True
        return any(o.pk in self.organisation_ids for o in item.organisations.all())

    def may_open(self, document: Document) -> bool:
        """Whether to list an annex: the documents app's rule (public documents for anyone,
        members-only ones for member readers), which is also the rule of who reads minutes,
        so it costs no query here. The document's own page enforces it again."""
        return document.is_public or self.reads_minutes

    def may_close(self, item: ActionItem) -> bool:
        if not item.is_open:
            return False
        if self.is_coordinator:
            return True
        return any(o.pk in self.organisation_ids for o in item.organisations.all())


@dataclass
class AttendanceLine:
    """« ACPE et COFRADE : Raffaella Tatangelo »: organisations sharing the same people."""

    organisations: list
    people: list  # Attendance rows
    note: object = None  # the Attendance whose note all of them share, if they share one

    @property
    def names(self) -> list[str]:
        return [row.person for row in self.people]


@dataclass
class Minutes:
    meeting: Meeting
    items: list
    follow_up: list
    present: list
    excused: list
    people_met: list
    delegations: list
    announced: list
    reader: Reader | None = field(repr=False, default=None)

    @property
    def title(self) -> str:
        return self.meeting.title

    @property
    def action_item_count(self) -> int:
        return sum(len(item.visible_action_items) for item in self.items)


def action_items_prefetch() -> Prefetch:
    return Prefetch(
        "organisations",
        queryset=Organisation.objects.order_by(collated("name"), "pk").only(
            "pk", "name", "acronym", "slug"
        ),
    )


def attendance_lines(attendances: Iterable[Attendance]) -> list[AttendanceLine]:
    """Group by organisation, then join organisations represented by the same people."""
    by_organisation: dict[Organisation | None, list[Attendance]] = {}
    for attendance in attendances:
        by_organisation.setdefault(attendance.organisation, []).append(attendance)
    lines: list[AttendanceLine] = []
    for organisation, rows in by_organisation.items():
        names = [row.person for row in rows]
        notes = {row.note for row in rows}
        note = rows[0] if len(notes) == 1 and rows[0].note else None
        for line in lines:
            mergeable = organisation is not None and line.organisations[0] is not None
            if mergeable and line.names == names and line.note is None and note is None:
                line.organisations.append(organisation)
                break
        else:
            lines.append(AttendanceLine([organisation], rows, note))
    # Those who came only for part of the meeting close the list, as in the minutes.
    return sorted(lines, key=lambda line: line.note is not None)


def minutes_of(pk: int, *, reader: Reader) -> Minutes:
    """The compte-rendu of the meeting `pk` as `reader` may read it (Http404 if there is no
    such meeting): the meeting and the meetings it announces read in one query."""
    announced = _announced(Meeting.objects.filter(announced_in=pk), reader)
    rows = list(
        Meeting.objects.select_related("minutes_approved_at")
        .filter(Q(pk=pk) | Q(pk__in=announced.values("pk")))
        .order_by("start", "pk")
    )
    meeting = next((row for row in rows if row.pk == pk), None)
    if meeting is None:
        raise Http404("No such meeting.")
    return minutes_for(meeting, reader=reader, announced=[row for row in rows if row.pk != pk])


def _announced(meetings: QuerySet[Meeting], reader: Reader) -> QuerySet[Meeting]:
    if not reader.reads_minutes:
        # django-stubs types this many-to-many manager's querysets as plain QuerySets; they are
        # the default manager's (MeetingQuerySet) at run time.
        meetings = meetings.public()  # type: ignore[attr-defined]
    return meetings


def minutes_for(
    meeting: Meeting, *, reader: Reader, announced: list[Meeting] | None = None
) -> Minutes:
    """The compte-rendu of `meeting` as `reader` (a Reader) may read it; `announced`, the
    meetings it announces, if they were read with it."""
    today = timezone.localdate()
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("annexes", queryset=Annex.objects.with_documents()))
    )
    # The meeting's own action items and, for a plenary, the « suivi des actions » (open items
    # of earlier meetings) in one query.
    actions = Q(meeting=meeting)
    if meeting.kind == Meeting.Kind.PLENARY:
        actions |= Q(pk__in=ActionItem.objects.outstanding_at(meeting).values("pk"))
    own_actions: dict[int, list[ActionItem]]
    own_actions, follow_up = {}, []
    for action in (
        ActionItem.objects.filter(actions)
        .select_related("meeting", "agenda_item")
        .prefetch_related(action_items_prefetch())
        .order_by("meeting__start", "agenda_item__position", "position", "pk")
    ):
        if not reader.sees(action):
            continue
        action.closable = reader.may_close(action)
        action.overdue = action.is_overdue(today)
        if action.meeting_id == meeting.pk:
            own_actions.setdefault(action.agenda_item_id, []).append(action)
        else:
            follow_up.append(action)
    for number, item in enumerate(items, start=1):
        item.number = number
        item.visible_action_items = own_actions.get(item.pk, [])
        item.visible_annexes = [a for a in item.annexes.all() if reader.may_open(a.document)]
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("organisation")
        .order_by(collated("organisation__name"), "pk")
    )
    if announced is None:
        announced = list(_announced(meeting.announced_meetings.order_by("start", "pk"), reader))
    # The people met at this meeting and at those it announces, in one query.
    prefetch_related_objects(
        [meeting, *announced],
        Prefetch("people_met", queryset=PersonMet.objects.order_by("position", "pk")),
    )
    return Minutes(
        meeting=meeting,
        items=items,
        follow_up=follow_up,
        present=attendance_lines(
            [a for a in attendances if a.presence == Attendance.Presence.PRESENT]
        ),
        excused=attendance_lines(
            [a for a in attendances if a.presence == Attendance.Presence.EXCUSED]
        ),
        people_met=list(meeting.people_met.all()),
        delegations=list(meeting.delegations.select_related("organisation")),
        announced=announced,
        reader=reader,
    )


def action_items_of(
    reader: Reader, *, today: date | None = None
) -> tuple[list[ActionItem], list[ActionItem]]:
    """The open action items of the organisations `reader` represents, overdue first, and the
    ones asked of every member."""
    today = today or timezone.localdate()
    base = (
        ActionItem.objects.open()
        .select_related("meeting", "agenda_item")
        .prefetch_related(action_items_prefetch())
    )
    mine = list(base.for_organisations(reader.organisation_ids).overdue_first(today))
    everyone = list(base.filter(for_every_member=True).exclude(pk__in=[a.pk for a in mine]))
    for action in mine + everyone:
        action.overdue = action.is_overdue(today)
        action.closable = reader.may_close(action)
    return mine, everyone


def recently_closed_of(reader: Reader, *, limit: int = 20) -> list[ActionItem]:
    return list(
        ActionItem.objects.for_organisations(reader.organisation_ids)
        .exclude(status=ActionItem.Status.OPEN)
        .select_related("meeting", "closed_by")
        .prefetch_related(action_items_prefetch())
        .order_by("-done_on", "-pk")[:limit]
    )
