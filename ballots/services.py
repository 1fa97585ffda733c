"""Everything that changes a ballot: creating it, voting, proxies, the in-room count, closing.

The rules of who may vote come from members.capabilities (the status on the opening date);
the majority rule and the end of an admission vote come from members.services: one rule and
one path for a vote counted in the room and for a ballot held here.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from collectif import dates
from members import capabilities
from members import services as members_services
from members.capabilities import Capability
from members.models import Organisation

from .models import Ballot, BallotOption, OpenVote, PaperTally, Participation, Proxy, SecretVote

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

DEFAULT_OPTIONS = [
    (BallotOption.Meaning.FOR, "Pour", "For"),
    (BallotOption.Meaning.AGAINST, "Contre", "Against"),
    (BallotOption.Meaning.ABSTENTION, "Abstention", "Abstention"),
]


def proxies_per_organisation() -> int:
    return settings.BALLOT_PROXIES_PER_ORGANISATION


def receipt_hash(code: str) -> str:
    """What is stored of a receipt code: it has 128 random bits, so a plain hash cannot be
    reversed by trying codes, and the same code always finds the same vote."""
    return hashlib.sha256(code.strip().encode()).hexdigest()


# --- Creating a ballot --------------------------------------------------------------------------


def ballot_validate(ballot: Ballot) -> None:
    """Raise ValidationError (by field) unless the ballot may be saved as it is."""
    errors: dict[str, list] = {}
    before = Ballot.objects.filter(pk=ballot.pk).first() if ballot.pk else None
    if before and before.closed_at:
        raise ValidationError(_("A closed ballot cannot be changed."), code="closed")
    settled = ["kind", "organisation_id", "is_secret", "opens_at"]
    if (
        before
        and before.opens_at <= timezone.now()
        and any(getattr(before, name) != getattr(ballot, name) for name in settled)
    ):
        raise ValidationError(
            _(
                "This ballot has opened: its kind, observer, secrecy and opening can no "
                "longer change."
            ),
            code="opened",
        )
    if ballot.opens_at and ballot.closes_at and ballot.closes_at <= ballot.opens_at:
        errors.setdefault("closes_at", []).append(
            ValidationError(_("A ballot closes after it opens."), code="closes_before_opening")
        )
    if ballot.kind == Ballot.Kind.ADMISSION:
        observer = ballot.organisation
        if observer is None:
            errors.setdefault("organisation", []).append(
                ValidationError(_("Choose the observer the members vote on."), code="required")
            )
        elif not observer.is_observer:
            errors.setdefault("organisation", []).append(
                ValidationError(
                    _("Only an observer can be voted on; %(organisation)s is %(status)s."),
                    code="not_observer",
                    params={"organisation": observer, "status": observer.get_status_display()},
                )
            )
        elif (
            Ballot.objects.filter(organisation=observer, closed_at__isnull=True)
            .exclude(pk=ballot.pk)
            .exists()
        ):
            errors.setdefault("organisation", []).append(
                ValidationError(
                    _("A ballot on the admission of %(organisation)s is already under way."),
                    code="second_admission_ballot",
                    params={"organisation": observer},
                )
            )
    elif ballot.kind == Ballot.Kind.TEXT:
        if ballot.organisation_id:
            errors.setdefault("organisation", []).append(
                ValidationError(
                    _("A ballot on a text is about no observer."), code="text_with_observer"
                )
            )
        if not ballot.document_id and not (ballot.text_fr or ballot.text or "").strip():
            errors.setdefault("document", []).append(
                ValidationError(
                    _("Choose the document the members adopt, or write the text."),
                    code="no_text",
                )
            )
    if errors:
        raise ValidationError(errors)


def ballot_add_default_options(*, ballot: Ballot) -> None:
    """For, against, abstention, unless the ballot has options already."""
    if ballot.options.exists():
        return
    BallotOption.objects.bulk_create(
        BallotOption(
            ballot=ballot,
            meaning=meaning,
            label=label_fr,
            label_fr=label_fr,
            label_en=label_en,
            position=position,
        )
        for position, (meaning, label_fr, label_en) in enumerate(DEFAULT_OPTIONS, start=1)
    )


@transaction.atomic
def ballot_create(*, by: User | None, **fields) -> Ballot:
    """A new ballot, with the default options."""
    ballot = Ballot(created_by=by, **fields)
    return ballot_save(ballot=ballot, by=by)


@transaction.atomic
def ballot_save(*, ballot: Ballot, by: User | None, default_options: bool = True) -> Ballot:
    """Validate and save a ballot (the coordinators' form), with the default options unless
    `default_options` is False (the admin adds them once its options' inline is saved)."""
    # The check constraint's rule is ballot_validate's, said there on the field.
    ballot.full_clean(exclude=["created_by"], validate_constraints=False)
    ballot_validate(ballot)
    if ballot.pk is None and ballot.created_by_id is None:
        ballot.created_by = by
    ballot.save()
    if default_options:
        ballot_add_default_options(ballot=ballot)
    return ballot


# --- Who may vote ------------------------------------------------------------------------------


def ineligibility_reason(ballot: Ballot, organisation: Organisation) -> str | None:
    """Why `organisation` may not vote in this ballot (None if it may): the reason the rights
    table gives for the status it had on the opening date."""
    status = (
        Organisation.objects.with_status_on(ballot.opening_date)
        .filter(pk=organisation.pk)
        .values_list("status_on_date", flat=True)
        .first()
    )
    when = dates.long_date(ballot.opening_date)
    if status is None:
        return _(
            "%(organisation)s had not joined the collective on %(date)s, when this ballot opened."
        ) % {
            "organisation": organisation,
            "date": when,
        }
    if capabilities.can(status, Capability.VOTE):
        return None
    as_then = Organisation(name=organisation.name, status=status)
    return _("On %(date)s, when this ballot opened: %(reason)s") % {
        "date": when,
        "reason": capabilities.refusal_reason(as_then, Capability.VOTE),
    }


def _require_open(ballot: Ballot, now: datetime | None = None) -> None:
    state = ballot.state_at(now or timezone.now())
    if state == "upcoming":
        raise ValidationError(
            _("This ballot opens on %(date)s."),
            code="not_open_yet",
            params={"date": dates.date_time(ballot.opens_at)},
        )
    if state == "closed":
        raise ValidationError(_("This ballot is closed."), code="closed")


def voting_for(*, ballot: Ballot, user: User) -> list[tuple[Organisation, str]]:
    """The organisations whose vote `user` may cast in this ballot, with the channel: its own
    ones (online) and those that gave their proxy to one of them."""
    own = list(Organisation.objects.represented_by(user))
    own_ids = {organisation.pk for organisation in own}
    given = {
        proxy.giver_id: proxy
        for proxy in Proxy.objects.filter(ballot=ballot).select_related("giver", "holder")
        if proxy.giver_id in own_ids or proxy.holder_id in own_ids
    }
    found = [
        (organisation, Participation.Channel.ONLINE)
        for organisation in own
        if organisation.pk not in given
    ]
    found += [
        (proxy.giver, Participation.Channel.PROXY)
        for proxy in given.values()
        if proxy.holder_id in own_ids
    ]
    return found


def vote_refusal(*, ballot: Ballot, organisation: Organisation, user: User) -> str | None:
    """Why `user` may not cast `organisation`'s vote now; None if it may."""
    proxy = Proxy.objects.filter(ballot=ballot, giver=organisation).select_related("holder").first()
    represents = organisation.representatives.filter(pk=user.pk).exists()
    if proxy and represents and not proxy.holder.representatives.filter(pk=user.pk).exists():
        return _(
            "%(organisation)s gave its proxy to %(holder)s for this ballot: %(holder)s votes "
            "for it."
        ) % {"organisation": organisation, "holder": proxy.holder}
    if not represents and not (proxy and proxy.holder.representatives.filter(pk=user.pk).exists()):
        return _("You do not represent %(organisation)s.") % {"organisation": organisation}
    return ineligibility_reason(ballot, organisation)


# --- Voting ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    """What the voter is shown once its vote is recorded. `code`: the receipt code of a secret
    ballot, shown this once and never stored (only its hash is)."""

    ballot: Ballot
    organisation: Organisation
    option: BallotOption
    channel: str
    changed: bool
    code: str = ""


@transaction.atomic
def ballot_vote(
    *,
    ballot: Ballot,
    organisation: Organisation,
    option: BallotOption,
    by: User,
    receipt_code: str = "",
    now: datetime | None = None,
) -> Receipt:
    """Cast (or change) `organisation`'s vote, by one of its representatives or by one of the
    organisation holding its proxy. A secret vote is changed by presenting its receipt code.
    The participation and the choice are written in this one transaction."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    _require_open(ballot, now)
    if option.ballot_id != ballot.pk:
        raise ValidationError({"option": _("Choose one of this ballot's options.")})
    refusal = vote_refusal(ballot=ballot, organisation=organisation, user=by)
    if refusal:
        raise ValidationError(refusal, code="may_not_vote")
    by_proxy = Proxy.objects.filter(ballot=ballot, giver=organisation).exists()
    channel = Participation.Channel.PROXY if by_proxy else Participation.Channel.ONLINE
    return ballot_cast(
        ballot=ballot,
        organisation=organisation,
        option=option,
        channel=channel,
        by=by,
        receipt_code=receipt_code,
    )


def ballot_cast(
    *,
    ballot: Ballot,
    organisation: Organisation,
    option: BallotOption,
    channel: str,
    by: User | None,
    receipt_code: str = "",
) -> Receipt:
    """Write the vote once who may cast it is settled (ballot_vote checks; the demo calls this
    for the organisations it makes vote): the participation and the choice, or the change."""
    participation = Participation.objects.filter(ballot=ballot, organisation=organisation).first()
    if participation and participation.channel == Participation.Channel.PAPER:
        raise ValidationError(
            _("%(organisation)s voted in the room: its vote was counted there."),
            code="voted_on_paper",
            params={"organisation": organisation},
        )
    if ballot.is_secret:
        return _secret_vote(ballot, organisation, option, channel, participation, receipt_code)
    OpenVote.objects.update_or_create(
        ballot=ballot,
        organisation=organisation,
        defaults={"option": option, "cast_by": by},
    )
    if participation is None:
        _participate(ballot, organisation, channel)
    elif participation.channel != channel:
        participation.channel = channel
        participation.save(update_fields=["channel"])
    return Receipt(ballot, organisation, option, channel, changed=participation is not None)


def _participate(ballot, organisation, channel):
    try:
        with transaction.atomic():
            return Participation.objects.create(
                ballot=ballot, organisation=organisation, channel=channel
            )
    except IntegrityError:
        raise ValidationError(
            _("%(organisation)s has already voted in this ballot."),
            code="already_voted",
            params={"organisation": organisation},
        ) from None


def _secret_vote(ballot, organisation, option, channel, participation, receipt_code):
    if participation is None:
        if receipt_code.strip():
            raise ValidationError(
                {
                    "receipt_code": _("%(organisation)s has not voted yet: leave the code empty.")
                    % {"organisation": organisation}
                }
            )
        _participate(ballot, organisation, channel)
        code = secrets.token_urlsafe(16)
        SecretVote.objects.create(ballot=ballot, option=option, receipt_hash=receipt_hash(code))
        return Receipt(ballot, organisation, option, channel, changed=False, code=code)
    if not receipt_code.strip():
        raise ValidationError(
            {
                "receipt_code": _(
                    "%(organisation)s has already voted: to change its vote, give the receipt "
                    "code it was shown."
                )
                % {"organisation": organisation}
            }
        )
    updated = SecretVote.objects.filter(
        ballot=ballot, receipt_hash=receipt_hash(receipt_code)
    ).update(option=option)
    if not updated:
        raise ValidationError(
            {"receipt_code": _("This receipt code is not one of this ballot's.")},
            code="unknown_receipt",
        )
    return Receipt(ballot, organisation, option, channel, changed=True, code="")


# --- Proxies -----------------------------------------------------------------------------------


def proxy_refusal(*, ballot: Ballot, giver: Organisation, holder: Organisation) -> str | None:
    """Why `giver` may not give its proxy to `holder` in this ballot; None if it may."""
    if giver.pk == holder.pk:
        return _("An organisation cannot give its proxy to itself.")
    for organisation in (giver, holder):
        reason = ineligibility_reason(ballot, organisation)
        if reason:
            return reason
    if Participation.objects.filter(ballot=ballot, organisation=giver).exists():
        return _("%(organisation)s has already voted in this ballot.") % {"organisation": giver}
    given = Proxy.objects.filter(ballot=ballot, giver=giver).select_related("holder").first()
    if given:
        return _("%(organisation)s has already given its proxy to %(holder)s.") % {
            "organisation": giver,
            "holder": given.holder,
        }
    if Proxy.objects.filter(ballot=ballot, giver=holder).exists():
        return _(
            "%(holder)s has given its own proxy for this ballot: it cannot hold another's."
        ) % {"holder": holder}
    if Proxy.objects.filter(ballot=ballot, holder=giver).exists():
        return _("%(organisation)s holds another organisation's proxy: it cannot give its own.") % {
            "organisation": giver
        }
    limit = proxies_per_organisation()
    if Proxy.objects.filter(ballot=ballot, holder=holder).count() >= limit:
        return _("%(holder)s already holds as many proxies as an organisation may (%(limit)s).") % {
            "holder": holder,
            "limit": limit,
        }
    return None


@transaction.atomic
def proxy_give(
    *,
    ballot: Ballot,
    giver: Organisation,
    holder: Organisation,
    by: User,
    now: datetime | None = None,
) -> Proxy:
    """`giver` lets `holder` vote for it in this ballot (before it opens, or while it is
    open): the holder's representatives then cast its vote."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.state_at(now or timezone.now()) == "closed":
        raise ValidationError(_("This ballot is closed."), code="closed")
    if not giver.representatives.filter(pk=by.pk).exists():
        raise ValidationError(_("You do not represent %(organisation)s.") % {"organisation": giver})
    refusal = proxy_refusal(ballot=ballot, giver=giver, holder=holder)
    if refusal:
        raise ValidationError({"holder": refusal})
    return Proxy.objects.create(ballot=ballot, giver=giver, holder=holder, given_by=by)


# --- In the room -------------------------------------------------------------------------------


@transaction.atomic
def ballot_record_paper(
    *,
    ballot: Ballot,
    by: User | None,
    present: Iterable[Organisation],
    choices: Mapping[int, BallotOption] | None = None,
    totals: Mapping[int, int] | None = None,
    now: datetime | None = None,
) -> int:
    """Record the votes cast in the room by the organisations `present` (those that have not
    voted online): in an open ballot each one's choice (`choices`: organisation pk → option),
    in a secret one the totals per option (`totals`: option pk → votes), which must add up to
    the organisations present. An organisation that already took part is refused: nobody is
    counted twice. Return how many organisations were recorded."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    _require_open(ballot, now)
    present = list(present)
    if not present:
        raise ValidationError({"present": _("Choose the organisations present that voted.")})
    eligible = set(
        ballot.eligible_organisations()
        .filter(pk__in=[o.pk for o in present])
        .values_list("pk", flat=True)
    )
    not_eligible = [o for o in present if o.pk not in eligible]
    if not_eligible:
        raise ValidationError(
            {
                "present": _("These organisations could not vote in this ballot: %(names)s.")
                % {"names": ", ".join(str(o) for o in not_eligible)}
            }
        )
    voted = set(
        Participation.objects.filter(ballot=ballot, organisation__in=present).values_list(
            "organisation_id", flat=True
        )
    )
    if voted:
        names = ", ".join(str(o) for o in present if o.pk in voted)
        raise ValidationError(
            {
                "present": _(
                    "These organisations have already voted (online or by proxy) and are not "
                    "counted again: %(names)s."
                )
                % {"names": names}
            }
        )
    options = {option.pk: option for option in ballot.options.all()}
    if ballot.is_secret:
        totals = {int(pk): int(votes) for pk, votes in (totals or {}).items() if votes}
        if set(totals) - set(options) or any(votes < 0 for votes in totals.values()):
            raise ValidationError(_("Give a number of votes for this ballot's options only."))
        if sum(totals.values()) != len(present):
            raise ValidationError(
                _(
                    "%(votes)s votes counted for %(present)s organisations present: each "
                    "organisation present votes once."
                ),
                code="totals_mismatch",
                params={"votes": sum(totals.values()), "present": len(present)},
            )
        for option_pk, votes in totals.items():
            tally, _created = PaperTally.objects.get_or_create(
                ballot=ballot, option=options[option_pk]
            )
            tally.votes += votes
            tally.save(update_fields=["votes"])
    else:
        choices = choices or {}
        missing = [o for o in present if o.pk not in choices]
        if missing or any(option.ballot_id != ballot.pk for option in choices.values()):
            raise ValidationError(_("Give the choice of every organisation present."))
        OpenVote.objects.bulk_create(
            OpenVote(ballot=ballot, organisation=o, option=choices[o.pk], cast_by=by)
            for o in present
        )
    Participation.objects.bulk_create(
        Participation(ballot=ballot, organisation=o, channel=Participation.Channel.PAPER)
        for o in present
    )
    return len(present)


# --- Results and closing -----------------------------------------------------------------------


def ballot_counts(ballot: Ballot) -> dict[int, int]:
    """Votes per option (pk → count): online and in the room together."""
    counts = {option.pk: 0 for option in ballot.options.all()}
    if ballot.is_secret:
        rows = ballot.secret_votes.values("option").annotate(n=Count("pk"))
        for row in rows:
            counts[row["option"]] += row["n"]
        for tally in ballot.paper_tallies.all():
            counts[tally.option_id] += tally.votes
    else:
        for row in ballot.open_votes.values("option").annotate(n=Count("pk")):
            counts[row["option"]] += row["n"]
    return counts


def _by_meaning(options, counts):
    totals = dict.fromkeys(BallotOption.Meaning.values, 0)
    for option in options:
        totals[option.meaning] += counts[option.pk]
    return totals


@transaction.atomic
def ballot_close(*, ballot: Ballot, by: User | None = None, now: datetime | None = None) -> bool:
    """Count the votes and write the result, once the closing time has passed; an admission
    ballot then ends as a recorded admission vote does (members.services). Idempotent:
    return False if the ballot was closed already (or is not due)."""
    now = now or timezone.now()
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.closed_at or now < ballot.closes_at:
        return False
    counts = ballot_counts(ballot)
    options = list(ballot.options.all())
    for option in options:
        option.votes = counts[option.pk]
    BallotOption.objects.bulk_update(options, ["votes"])
    totals = _by_meaning(options, counts)
    ballot.eligible_count = ballot.eligible_organisations().count()
    ballot.participation_count = ballot.participations.count()
    ballot.quorum_reached = ballot.quorum is None or ballot.participation_count >= ballot.quorum
    ballot.closed_at = now
    majority = {
        "votes_for": totals[BallotOption.Meaning.FOR],
        "votes_against": totals[BallotOption.Meaning.AGAINST],
        "abstentions": totals[BallotOption.Meaning.ABSTENTION],
    }
    if not ballot.quorum_reached:
        ballot.outcome = Ballot.Outcome.NO_QUORUM
    elif members_services.majority_reached(**majority):
        ballot.outcome = Ballot.Outcome.ADOPTED
    else:
        ballot.outcome = Ballot.Outcome.REJECTED
    if ballot.is_admission and ballot.quorum_reached and ballot.organisation.is_observer:
        with override(settings.ADMIN_LANGUAGE_CODE):
            place = str(_("Online ballot: %(question)s") % {"question": ballot.question_fr})
        ballot.admission_vote = members_services.membership_record_vote(
            organisation=ballot.organisation,
            date=ballot.closing_date,
            place=place[:300],
            eligible_voters=ballot.eligible_count,
            by=by,
            **majority,
        )
    ballot.save()
    return True


def ballots_close_due(*, now: datetime | None = None) -> list[Ballot]:
    """Close every ballot whose closing time has passed (the reminders' run does it)."""
    now = now or timezone.now()
    due = Ballot.objects.due_to_close(now).order_by("closes_at", "pk")
    return [ballot for ballot in due if _close_or_log(ballot, now)]


def _close_or_log(ballot: Ballot, now: datetime) -> bool:
    # One ballot that cannot end (its observer's history changed meanwhile) stops no other;
    # the coordinators see the failure in the log and the ballot stays open for them to fix.
    try:
        return ballot_close(ballot=ballot, now=now)
    except ValidationError:
        logger.exception("Ballot %s could not be closed", ballot.pk)
        return False
