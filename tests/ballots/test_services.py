"""Ballots: who may vote, voting and changing one's vote, proxies, the room, closing."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from ballots import services
from ballots.models import Ballot, OpenVote, Participation, Proxy, SecretVote
from members import services as members_services
from members.models import AdmissionVote, MembershipEvent

from .conftest import admit_today, option

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The services' messages, read in English."""
    with translation.override("en"):
        yield


def vote(ballot, organisation, user, meaning="for", code=""):
    return services.ballot_vote(
        ballot=ballot,
        organisation=organisation,
        option=option(ballot, meaning),
        by=user,
        receipt_code=code,
    )


# --- Creating a ballot --------------------------------------------------------------------------


def test_a_new_ballot_has_for_against_and_abstention_in_both_languages(ballot):
    labels = [(o.meaning, o.label_fr, o.label_en) for o in ballot.options.all()]
    assert labels == [
        ("for", "Pour", "For"),
        ("against", "Contre", "Against"),
        ("abstention", "Abstention", "Abstention"),
    ]


def test_a_ballot_closes_after_it_opens(make_ballot):
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        make_ballot(opens_at=now, closes_at=now - timedelta(hours=1))
    assert "closes_at" in error.value.message_dict


def test_an_admission_ballot_is_only_on_an_observer(make_ballot, member, observer):
    with pytest.raises(ValidationError) as error:
        make_ballot(kind=Ballot.Kind.ADMISSION, organisation=member)
    assert "organisation" in error.value.message_dict
    assert make_ballot(kind=Ballot.Kind.ADMISSION, organisation=observer).pk


def test_no_second_admission_ballot_under_way_for_the_same_observer(make_ballot, observer):
    make_ballot(kind=Ballot.Kind.ADMISSION, organisation=observer)
    with pytest.raises(ValidationError) as error:
        make_ballot(kind=Ballot.Kind.ADMISSION, organisation=observer)
    assert "already under way" in str(error.value)


def test_a_text_ballot_needs_a_document_or_a_text(make_ballot):
    with pytest.raises(ValidationError) as error:
        make_ballot(text_fr="", text="")
    assert "document" in error.value.message_dict


def test_an_opened_ballot_keeps_its_secrecy(ballot):
    ballot.is_secret = False
    with pytest.raises(ValidationError):
        services.ballot_save(ballot=ballot, by=None)


# --- Who may vote ------------------------------------------------------------------------------


def test_eligible_organisations_are_those_whose_status_on_the_opening_date_allows_voting(
    ballot, member, other_member, observer, former
):
    assert set(ballot.eligible_organisations()) == {member, other_member}


def test_an_observer_admitted_after_the_opening_cannot_vote(
    ballot, observer, observer_representative
):
    admit_today(observer)
    observer.refresh_from_db()
    assert observer.is_member
    assert observer not in ballot.eligible_organisations()
    reason = services.vote_refusal(
        ballot=ballot, organisation=observer, user=observer_representative
    )
    assert "observer" in reason
    assert "when this ballot opened" in reason
    with pytest.raises(ValidationError):
        vote(ballot, observer, observer_representative)


def test_a_member_that_left_after_the_opening_still_votes(
    ballot, other_member, other_representative
):
    members_services.membership_end(
        organisation=other_member, date=timezone.localdate(), reason="Départ."
    )
    assert other_member in ballot.eligible_organisations()
    assert vote(ballot, other_member, other_representative).code


def test_observers_and_former_members_are_told_why_they_do_not_vote(
    ballot, observer, former, observer_representative, former_representative
):
    observer_reason = services.vote_refusal(
        ballot=ballot, organisation=observer, user=observer_representative
    )
    assert "is an observer: during its observation period" in observer_reason
    former_reason = services.vote_refusal(
        ballot=ballot, organisation=former, user=former_representative
    )
    assert "is no longer a member" in former_reason


def test_only_a_representative_casts_an_organisations_vote(ballot, member, other_representative):
    with pytest.raises(ValidationError, match="You do not represent"):
        vote(ballot, member, other_representative)


def test_no_vote_before_opening_or_after_closing(make_ballot, member, representative):
    now = timezone.now()
    upcoming = make_ballot(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    with pytest.raises(ValidationError, match="opens on"):
        vote(upcoming, member, representative)
    past = make_ballot(opens_at=now - timedelta(days=2), closes_at=now - timedelta(days=1))
    with pytest.raises(ValidationError, match="closed"):
        vote(past, member, representative)


# --- Voting and changing a vote ----------------------------------------------------------------


def test_an_open_vote_is_stored_with_the_organisation_and_can_be_changed(
    open_ballot, member, representative
):
    first = vote(open_ballot, member, representative, "for")
    assert not first.changed
    assert not first.code
    second = vote(open_ballot, member, representative, "against")
    assert second.changed
    [stored] = OpenVote.objects.all()
    assert (stored.organisation, stored.option.meaning) == (member, "against")
    assert Participation.objects.get().channel == "online"


def test_a_secret_vote_is_changed_with_its_receipt_code(ballot, member, representative):
    receipt = vote(ballot, member, representative, "for")
    assert len(receipt.code) >= 20
    with pytest.raises(ValidationError) as error:
        vote(ballot, member, representative, "against")
    assert "receipt code" in str(error.value)
    with pytest.raises(ValidationError, match="not one of this ballot"):
        vote(ballot, member, representative, "against", code="not-the-code")
    changed = vote(ballot, member, representative, "against", code=receipt.code)
    assert changed.changed
    assert not changed.code
    [stored] = SecretVote.objects.all()
    assert stored.option.meaning == "against"
    assert services.ballot_counts(ballot)[option(ballot, "against").pk] == 1


def test_the_receipt_code_is_not_stored_only_its_hash(ballot, member, representative):
    receipt = vote(ballot, member, representative)
    stored = SecretVote.objects.get()
    assert stored.receipt_hash == services.receipt_hash(receipt.code)
    assert receipt.code not in stored.receipt_hash


def test_double_voting_is_impossible(ballot, member, representative):
    vote(ballot, member, representative)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Participation.objects.create(ballot=ballot, organisation=member, channel="online")
    assert Participation.objects.count() == 1
    assert SecretVote.objects.count() == 1


def test_a_failed_vote_writes_neither_row(ballot, member, representative, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SecretVote.objects, "create", broken)
    with pytest.raises(RuntimeError):
        vote(ballot, member, representative)
    assert not Participation.objects.exists()


# --- Proxies -----------------------------------------------------------------------------------


def give(ballot, giver, holder, user):
    return services.proxy_give(ballot=ballot, giver=giver, holder=holder, by=user)


def test_the_holders_representatives_cast_the_givers_vote(
    ballot, member, other_member, representative, other_representative
):
    give(ballot, other_member, member, other_representative)
    voting = services.voting_for(ballot=ballot, user=representative)
    assert (other_member, "proxy") in voting
    assert (member, "online") in voting
    receipt = vote(ballot, other_member, representative)
    assert receipt.channel == "proxy"
    assert Participation.objects.get(organisation=other_member).channel == "proxy"
    with pytest.raises(ValidationError, match="gave its proxy"):
        vote(ballot, other_member, other_representative)


@pytest.mark.parametrize(
    ("giver", "holder", "message"),
    [
        ("member", "member", "to itself"),
        ("member", "observer", "observer"),
        ("observer", "member", "observer"),
        ("member", "former", "no longer a member"),
    ],
)
def test_proxies_to_or_from_one_that_cannot_vote_are_refused(
    request, ballot, representative, observer_representative, former, giver, holder, message
):
    giver, holder = request.getfixturevalue(giver), request.getfixturevalue(holder)
    user = representative if giver.slug == "ccem" else observer_representative
    with pytest.raises(ValidationError, match=message):
        give(ballot, giver, holder, user)
    assert not Proxy.objects.exists()


def test_an_organisation_holds_at_most_the_settings_number_of_proxies(
    ballot, member, other_member, third_member, other_representative, settings
):
    give(ballot, other_member, member, other_representative)
    third_user = third_member.representatives.get()
    with pytest.raises(ValidationError, match="already holds as many proxies"):
        give(ballot, third_member, member, third_user)
    settings.BALLOT_PROXIES_PER_ORGANISATION = 2
    assert give(ballot, third_member, member, third_user).holder == member


def test_a_giver_that_voted_or_gave_already_is_refused(
    ballot, member, other_member, third_member, representative, other_representative
):
    vote(ballot, other_member, other_representative)
    with pytest.raises(ValidationError, match="already voted"):
        give(ballot, other_member, member, other_representative)
    third_user = third_member.representatives.get()
    give(ballot, third_member, member, third_user)
    with pytest.raises(ValidationError, match="already given its proxy"):
        give(ballot, third_member, other_member, third_user)
    # A holder does not pass its votes on.
    with pytest.raises(ValidationError, match="holds another organisation's proxy"):
        give(ballot, member, other_member, representative)


def test_only_the_givers_representative_gives_its_proxy(
    ballot, member, other_member, representative
):
    with pytest.raises(ValidationError, match="You do not represent"):
        give(ballot, other_member, member, representative)


# --- In the room -------------------------------------------------------------------------------


def test_secret_paper_and_online_votes_merge_without_counting_anyone_twice(
    ballot, member, other_member, third_member, representative, other_representative, coordinator
):
    vote(ballot, member, representative, "for")
    with pytest.raises(ValidationError) as error:
        services.ballot_record_paper(
            ballot=ballot, by=coordinator, present=[member, other_member], totals={}
        )
    assert "already voted" in str(error.value)
    assert member.name in str(error.value)
    against = option(ballot, "against")
    with pytest.raises(ValidationError, match="each organisation present votes once"):
        services.ballot_record_paper(
            ballot=ballot,
            by=coordinator,
            present=[other_member, third_member],
            totals={against.pk: 1},
        )
    services.ballot_record_paper(
        ballot=ballot, by=coordinator, present=[other_member, third_member], totals={against.pk: 2}
    )
    counts = services.ballot_counts(ballot)
    assert counts[option(ballot, "for").pk] == 1
    assert counts[against.pk] == 2
    assert Participation.objects.filter(channel="paper").count() == 2
    with pytest.raises(ValidationError, match="voted in the room"):
        vote(ballot, other_member, other_representative)


def test_open_paper_votes_record_each_organisations_choice(
    open_ballot, member, other_member, representative, coordinator
):
    vote(open_ballot, member, representative, "for")
    services.ballot_record_paper(
        ballot=open_ballot,
        by=coordinator,
        present=[other_member],
        choices={other_member.pk: option(open_ballot, "against")},
    )
    assert OpenVote.objects.get(organisation=other_member).option.meaning == "against"
    with pytest.raises(ValidationError, match="already voted"):
        services.ballot_record_paper(
            ballot=open_ballot,
            by=coordinator,
            present=[member],
            choices={member.pk: option(open_ballot, "against")},
        )


def test_the_room_counts_only_organisations_that_may_vote(ballot, observer, coordinator):
    with pytest.raises(ValidationError, match="could not vote"):
        services.ballot_record_paper(
            ballot=ballot, by=coordinator, present=[observer], totals={option(ballot, "for").pk: 1}
        )


# --- Closing -----------------------------------------------------------------------------------


def close(ballot):
    """Close the ballot a minute after its time (the clock moved there)."""
    later = ballot.closes_at + timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        return services.ballot_close(ballot=ballot)


def test_closing_counts_turnout_and_outcome_once(
    ballot, member, other_member, third_member, representative, other_representative
):
    vote(ballot, member, representative, "for")
    vote(ballot, other_member, other_representative, "against")
    vote(ballot, third_member, third_member.representatives.get(), "for")
    assert not services.ballot_close(ballot=ballot)  # not yet due
    assert close(ballot)
    ballot.refresh_from_db()
    assert [o.votes for o in ballot.options.all()] == [2, 1, 0]
    assert (ballot.eligible_count, ballot.participation_count) == (3, 3)
    assert ballot.quorum_reached
    assert ballot.outcome == Ballot.Outcome.ADOPTED
    assert not close(ballot)  # idempotent


def test_closing_uses_the_one_majority_rule(ballot, member, representative, monkeypatch):
    calls = []
    real = members_services.majority_reached

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(members_services, "majority_reached", spy)
    vote(ballot, member, representative, "abstention")
    close(ballot)
    assert calls == [{"votes_for": 0, "votes_against": 0, "abstentions": 1}]
    ballot.refresh_from_db()
    assert ballot.outcome == Ballot.Outcome.REJECTED  # no vote cast: no majority


def test_a_tie_is_no_majority(ballot, member, other_member, representative, other_representative):
    vote(ballot, member, representative, "for")
    vote(ballot, other_member, other_representative, "against")
    close(ballot)
    ballot.refresh_from_db()
    assert ballot.outcome == Ballot.Outcome.REJECTED


def test_without_the_quorum_nothing_is_decided(
    make_ballot, member, other_member, observer, representative
):
    ballot = make_ballot(kind=Ballot.Kind.ADMISSION, organisation=observer, quorum=2)
    vote(ballot, member, representative, "for")
    close(ballot)
    ballot.refresh_from_db()
    assert ballot.quorum_reached is False
    assert ballot.outcome == Ballot.Outcome.NO_QUORUM
    assert ballot.admission_vote is None
    observer.refresh_from_db()
    assert observer.is_observer


def test_an_admission_ballot_admits_the_observer_from_the_closing_date(
    make_ballot, member, other_member, observer, representative, other_representative, monkeypatch
):
    recorded = []
    real = members_services.membership_record_vote

    def spy(**kwargs):
        recorded.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(members_services, "membership_record_vote", spy)
    now = timezone.now()
    ballot = make_ballot(
        kind=Ballot.Kind.ADMISSION,
        organisation=observer,
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=1),
    )
    vote(ballot, member, representative, "for")
    vote(ballot, other_member, other_representative, "abstention")
    close(ballot)
    ballot.refresh_from_db()
    observer.refresh_from_db()
    assert len(recorded) == 1
    assert observer.is_member
    assert observer.status_since == ballot.closing_date
    vote_row = ballot.admission_vote
    assert (vote_row.votes_for, vote_row.votes_against, vote_row.abstentions) == (1, 0, 1)
    assert vote_row.eligible_voters == 2
    assert vote_row.outcome == AdmissionVote.Outcome.ADMITTED
    event = MembershipEvent.objects.filter(organisation=observer).last()
    assert (event.from_status, event.to_status, event.vote) == ("observer", "member", vote_row)
    assert MembershipEvent.objects.filter(organisation=observer).count() == 2  # history kept


def test_a_refused_admission_is_recorded_and_the_observer_stays(
    make_ballot, member, observer, representative
):
    ballot = make_ballot(kind=Ballot.Kind.ADMISSION, organisation=observer)
    vote(ballot, member, representative, "against")
    close(ballot)
    ballot.refresh_from_db()
    observer.refresh_from_db()
    assert ballot.admission_vote.outcome == AdmissionVote.Outcome.REFUSED
    assert observer.is_observer


def test_the_due_ballots_close_by_themselves(make_ballot, member):
    now = timezone.now()
    due = make_ballot(opens_at=now - timedelta(days=3), closes_at=now - timedelta(minutes=1))
    running = make_ballot()
    assert services.ballots_close_due(now=now) == [due]
    assert services.ballots_close_due(now=now) == []
    running.refresh_from_db()
    assert running.closed_at is None
