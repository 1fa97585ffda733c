"""Everything that changes an organisation, its membership or its documents.

Membership: candidate → observer → member → former member. The current status lives on the
organisation (so that lists filter on it); every change also adds a MembershipEvent, which is
never changed afterwards: the events are the organisation's story.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from datetime import date as date_type
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collectif import locking

from .models import (
    ActivityReport,
    AdmissionVote,
    InternationalNetwork,
    MembershipEvent,
    Organisation,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files import File

    from collectif.models import Theme
    from meetings.models import Meeting

Status = Organisation.Status


# --- Dates ----------------------------------------------------------------------------------


def add_months(start: date_type, months: int) -> date_type:
    """The same day `months` later; a day the target month lacks becomes its last day
    (29 February + 12 months → 28 February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date_type(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def observation_months() -> int:
    return settings.MEMBERS_OBSERVATION_MONTHS


def vote_due_date(observer_since: date_type) -> date_type:
    """When the members vote on an observer's admission: one observation period after the day
    it confirmed its wish to join."""
    return add_months(observer_since, observation_months())


# --- The vote -------------------------------------------------------------------------------


def majority_reached(*, votes_for: int, votes_against: int, abstentions: int) -> bool:
    """The collective's rule, in one place, for every vote it holds (an observer's admission,
    a text online or in the room): a simple majority of the votes cast. Votes cast are those
    for and against; abstentions count as taking part but are not votes cast, so they help
    neither side. A tie, or no vote cast, is no majority."""
    del abstentions  # part of the vote, deliberately not of the majority
    return votes_for > votes_against


def majority_outcome(
    *, votes_for: int, votes_against: int, abstentions: int
) -> AdmissionVote.Outcome:
    """An admission vote's outcome by the majority rule: admitted, or refused."""
    if majority_reached(votes_for=votes_for, votes_against=votes_against, abstentions=abstentions):
        return AdmissionVote.Outcome.ADMITTED
    return AdmissionVote.Outcome.REFUSED


def eligible_voters_on(day: date_type) -> int:
    """How many organisations were full members on `day`: only they vote."""
    return Organisation.objects.members_on(day).count()


def vote_validate(
    *,
    organisation: Organisation,
    date: date_type,
    votes_for: int,
    votes_against: int,
    abstentions: int,
    eligible_voters: int | None = None,
) -> int:
    """Raise ValidationError unless this vote can be recorded; return the eligible count:
    `eligible_voters` when the vote's own record knows it (an online ballot counts those that
    could vote on its opening date), else the organisations that were full members on `date`."""
    if organisation.status != Status.OBSERVER:
        raise ValidationError(
            _("Only an observer can be voted on; %(organisation)s is %(status)s."),
            code="not_observer",
            params={"organisation": organisation, "status": organisation.get_status_display()},
        )
    if organisation.status_since and date < organisation.status_since:
        raise ValidationError(
            _("The vote cannot precede the start of the observation (%(since)s)."),
            code="before_observation",
            params={"since": organisation.status_since},
        )
    if date > timezone.localdate():
        raise ValidationError(_("A vote cannot be recorded in advance."), code="future")
    eligible = eligible_voters_on(date) if eligible_voters is None else eligible_voters
    participants = votes_for + votes_against + abstentions
    if participants > eligible:
        raise ValidationError(
            _(
                "%(participants)s votes and abstentions recorded, but only %(eligible)s "
                "organisations were full members on %(date)s."
            ),
            code="too_many_votes",
            params={"participants": participants, "eligible": eligible, "date": date},
        )
    return eligible


# --- Status changes -------------------------------------------------------------------------


def _change_status(
    *,
    organisation: Organisation,
    to_status: str,
    date: date_type,
    reason: str,
    by: User | None,
    vote: AdmissionVote | None = None,
    vote_due_on: date_type | None = None,
) -> MembershipEvent:
    last = organisation.membership_events.order_by("-date", "-pk").first()
    if last and date < last.date:
        raise ValidationError(
            _("This change cannot precede the last one recorded (%(date)s)."),
            code="before_last_change",
            params={"date": last.date},
        )
    event = MembershipEvent.objects.create(
        organisation=organisation,
        date=date,
        from_status=organisation.status,
        to_status=to_status,
        reason=reason,
        vote=vote,
        recorded_by=by,
    )
    if organisation.status != to_status:
        organisation.status_since = date
    organisation.status = to_status
    organisation.vote_due_on = vote_due_on
    organisation._history_user = by
    organisation.save(update_fields=["status", "status_since", "vote_due_on", "updated_at"])
    return event


def _require_status(organisation: Organisation, *allowed: str) -> None:
    if organisation.status not in allowed:
        raise ValidationError(
            _("%(organisation)s is %(status)s: this change does not apply to it."),
            code="wrong_status",
            params={"organisation": organisation, "status": organisation.get_status_display()},
        )


@transaction.atomic
def membership_confirm_observer(
    *, organisation: Organisation, date: date_type, by: User | None = None, reason: str = ""
) -> MembershipEvent:
    """The association confirmed its wish to join on `date`: its observation starts then, and
    its admission vote falls due one observation period later."""
    _require_status(organisation, Status.CANDIDATE)
    return _change_status(
        organisation=organisation,
        to_status=Status.OBSERVER,
        date=date,
        reason=reason or str(_("Confirmed its wish to join the collective.")),
        by=by,
        vote_due_on=vote_due_date(date),
    )


@transaction.atomic
def membership_admit_without_vote(
    *, organisation: Organisation, date: date_type, reason: str, by: User | None = None
) -> MembershipEvent:
    """Record a member that joined before the observation procedure existed (the founding
    members): candidate → member directly, with the reason stated."""
    _require_status(organisation, Status.CANDIDATE)
    if not reason.strip():
        raise ValidationError(_("Say why this organisation is a member without a vote."))
    return _change_status(
        organisation=organisation, to_status=Status.MEMBER, date=date, reason=reason, by=by
    )


@transaction.atomic
def membership_record_vote(
    *,
    organisation: Organisation,
    date: date_type,
    place: str,
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    notes: str = "",
    meeting: Meeting | None = None,
    by: User | None = None,
    eligible_voters: int | None = None,
) -> AdmissionVote:
    """Record the members' vote on an observer (held at `meeting`, if it is one of the
    collective's). Admitted: it is a member from the vote's date. Refused: the vote is kept and
    the organisation stays an observer, vote overdue, until the coordinators extend its
    observation or end it. The one way an admission vote ends: a tally counted in the room and
    an online ballot that closes both come here; `eligible_voters` is for
    the ballot, which knows who could vote (see vote_validate)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    eligible = vote_validate(
        organisation=organisation,
        date=date,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        eligible_voters=eligible_voters,
    )
    vote = AdmissionVote.objects.create(
        organisation=organisation,
        date=date,
        place=place,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        eligible_voters=eligible,
        outcome=majority_outcome(
            votes_for=votes_for, votes_against=votes_against, abstentions=abstentions
        ),
        notes=notes,
        meeting=meeting,
        recorded_by=by,
    )
    if vote.outcome == AdmissionVote.Outcome.ADMITTED:
        _change_status(
            organisation=organisation,
            to_status=Status.MEMBER,
            date=date,
            reason=_("Admitted by the members' vote (%(for)s for, %(against)s against).")
            % {"for": votes_for, "against": votes_against},
            by=by,
            vote=vote,
        )
    return vote


@transaction.atomic
def membership_extend_observation(
    *,
    organisation: Organisation,
    date: date_type,
    reason: str,
    until: date_type | None = None,
    by: User | None = None,
) -> MembershipEvent:
    """After a refused (or postponed) vote: the organisation stays an observer and its vote
    falls due again on `until`, by default one observation period after `date`."""
    _require_status(organisation, Status.OBSERVER)
    until = until or vote_due_date(date)
    if until <= date:
        raise ValidationError(_("The new due date must come after the date of the decision."))
    return _change_status(
        organisation=organisation,
        to_status=Status.OBSERVER,
        date=date,
        reason=reason,
        by=by,
        vote_due_on=until,
    )


@transaction.atomic
def membership_end(
    *, organisation: Organisation, date: date_type, reason: str, by: User | None = None
) -> MembershipEvent:
    """The organisation leaves the collective (or its observation ends without admission)."""
    _require_status(organisation, Status.CANDIDATE, Status.OBSERVER, Status.MEMBER)
    return _change_status(
        organisation=organisation, to_status=Status.FORMER, date=date, reason=reason, by=by
    )


@transaction.atomic
def membership_reapply(
    *, organisation: Organisation, date: date_type, reason: str, by: User | None = None
) -> MembershipEvent:
    """A former member asks to join again: it is a candidate once more."""
    _require_status(organisation, Status.FORMER)
    return _change_status(
        organisation=organisation, to_status=Status.CANDIDATE, date=date, reason=reason, by=by
    )


def membership_change(
    *,
    organisation: Organisation,
    action: str,
    date: date_type,
    reason: str = "",
    until: date_type | None = None,
    by: User | None = None,
) -> MembershipEvent:
    """The change named `action` (a key of MEMBERSHIP_CHANGES), as the coordinators choose it
    on the organisation's « change the membership » page; `until` is for « extend » only."""
    if action not in MEMBERSHIP_CHANGES:
        raise ValueError(f"Unknown membership change: {action!r}")
    extra = {"until": until} if action == "extend" else {}
    return MEMBERSHIP_CHANGES[action](
        organisation=organisation, date=date, reason=reason, by=by, **extra
    )


MEMBERSHIP_CHANGES: dict[str, Callable[..., MembershipEvent]] = {
    "confirm_observer": membership_confirm_observer,
    "admit_without_vote": membership_admit_without_vote,
    "extend": membership_extend_observation,
    "end": membership_end,
    "reapply": membership_reapply,
}


# --- The organisation's page ------------------------------------------------------------------

_Saved = TypeVar("_Saved", Organisation, InternationalNetwork)


def _save(
    instance: _Saved, *, by: User | None, update_fields: Iterable[str] | None = None
) -> _Saved:
    """Save with the history's author (the translations' dates follow by themselves)."""
    instance._history_user = by
    instance.save(update_fields=update_fields)
    return instance


@transaction.atomic
def organisation_save(
    *, organisation: Organisation, by: User | None, themes: Iterable[Theme] | None = None
) -> Organisation:
    """Validate and save an organisation's page as the coordinators keep it (a row of an
    import: name, acronym, slug, descriptions, websites, network, themes). Its status is not
    changed here: the membership changes above do it, each with its event."""
    organisation.full_clean(exclude=["logo"])
    _save(organisation, by=by)
    if themes is not None:
        organisation.themes.set(themes)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    by: User | None,
    themes: Iterable[Theme] | None = None,
    version: int | None = None,
    **fields: Any,
) -> Organisation:
    """Change the organisation's presentation (descriptions, websites, network, themes).
    With `version` (the one the form was loaded with), refused with locking.StaleRecord if
    someone else changed the organisation since."""
    editable = {"description_fr", "description_en", "website_fr", "website_en", "network"}
    unknown = set(fields) - editable
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if version is not None:
        locking.claim(organisation, version)
    for name, value in fields.items():
        setattr(organisation, name, value)
    _save(organisation, by=by)
    if themes is not None:
        organisation.themes.set(themes)
    return organisation


CONTACT_FIELDS = {
    "contact_first_name",
    "contact_last_name",
    "contact_role_fr",
    "contact_role_en",
    "contact_email",
    "contact_phone",
    "contact_address",
    "contact_name_public",
    "contact_role_public",
    "contact_email_public",
    "contact_phone_public",
    "contact_address_public",
}
# With modeltranslation's column of the translated field itself, and the confirmation's date.
CONTACT_COLUMNS = [*sorted(CONTACT_FIELDS), "contact_role", "contact_confirmed_on"]


@transaction.atomic
def organisation_update_contact(
    *,
    organisation: Organisation,
    by: User | None,
    confirmed_on: date_type | None = None,
    version: int | None = None,
    **fields: Any,
) -> Organisation:
    """Change the public contact and the choice of what the public sees. The organisation
    confirms, each time, that the contact is accurate and may be published as chosen. With
    `version`, refused like organisation_update if someone else changed it since."""
    unknown = set(fields) - CONTACT_FIELDS
    if unknown:
        raise ValueError(f"Not contact fields: {sorted(unknown)}")
    if version is not None:
        locking.claim(organisation, version)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.contact_confirmed_on = confirmed_on or timezone.localdate()
    # Only the contact's columns: pages that show other things of the organisation (the news
    # naming it) keep their cached copies.
    return _save(organisation, by=by, update_fields=CONTACT_COLUMNS)


@transaction.atomic
def organisation_set_logo(
    *, organisation: Organisation, logo: File | None, by: User | None
) -> Organisation:
    """Replace (or, with logo=None, remove) the logo; the file it replaces stays on disk so
    that the history can restore it."""
    organisation.logo = logo or ""
    return _save(organisation, by=by)


@transaction.atomic
def activity_report_add(
    *, organisation: Organisation, year: int, language: str, file: File, by: User | None
) -> ActivityReport:
    """Add a report, or replace the one of the same year and language."""
    report = ActivityReport.objects.filter(
        organisation=organisation, year=year, language=language
    ).first() or ActivityReport(organisation=organisation, year=year, language=language)
    report.file = file
    report._history_user = by
    report.save()
    return report


@transaction.atomic
def activity_report_delete(*, report: ActivityReport, by: User | None) -> None:
    report._history_user = by
    report.delete()


@transaction.atomic
def network_update(
    *, network: InternationalNetwork, by: User | None, version: int | None = None, **fields: Any
) -> InternationalNetwork:
    """Change a network's presentation. With `version` (the one the form was loaded with),
    refused with locking.StaleRecord if someone else changed the network since: it is shared
    by several members' representatives and the coordinators."""
    editable = {"presentation_fr", "presentation_en", "website"}
    unknown = set(fields) - editable
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if version is not None:
        locking.claim(network, version)
    for name, value in fields.items():
        setattr(network, name, value)
    return _save(network, by=by)


@transaction.atomic
def organisation_create_network(
    *, organisation: Organisation, name: str, by: User | None, **fields: Any
) -> InternationalNetwork:
    """Create the international network the organisation belongs to, and link it."""
    editable = {"presentation_fr", "presentation_en", "website"}
    unknown = set(fields) - editable
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    network = _save(InternationalNetwork(name=name, **fields), by=by)
    organisation.network = network
    _save(organisation, by=by)
    return network
