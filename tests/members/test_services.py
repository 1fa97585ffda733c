from datetime import date

import pytest
from django.core.exceptions import ValidationError

from members import services
from members.models import AdmissionVote, MembershipEvent, Organisation

Status = Organisation.Status


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2014, 10, 1), 12, date(2015, 10, 1)),
        (date(2016, 2, 29), 12, date(2017, 2, 28)),
        (date(2016, 2, 29), 48, date(2020, 2, 29)),
        (date(2015, 1, 31), 1, date(2015, 2, 28)),
        (date(2015, 11, 15), 3, date(2016, 2, 15)),
    ],
)
def test_add_months(start, months, due):
    assert services.add_months(start, months) == due


def test_vote_falls_due_one_observation_period_after_confirmation(settings):
    assert services.vote_due_date(date(2014, 10, 1)) == date(2015, 10, 1)
    settings.MEMBERS_OBSERVATION_MONTHS = 6
    assert services.vote_due_date(date(2014, 10, 1)) == date(2015, 4, 1)


def test_leap_day_observer_is_due_on_28_february(make_organisation):
    organisation = make_organisation(status="candidate")
    services.membership_confirm_observer(organisation=organisation, date=date(2016, 2, 29))
    assert organisation.vote_due_on == date(2017, 2, 28)


def test_confirming_an_observer_records_the_event(make_organisation, coordinator):
    organisation = make_organisation(status="candidate")
    services.membership_confirm_observer(
        organisation=organisation, date=date(2014, 10, 1), by=coordinator
    )
    organisation.refresh_from_db()
    assert (organisation.status, organisation.status_since) == (Status.OBSERVER, date(2014, 10, 1))
    event = organisation.membership_events.get()
    assert (event.from_status, event.to_status, event.recorded_by) == (
        Status.CANDIDATE,
        Status.OBSERVER,
        coordinator,
    )


def test_only_a_candidate_becomes_observer(member):
    with pytest.raises(ValidationError):
        services.membership_confirm_observer(organisation=member, date=date(2014, 10, 1))


def test_a_change_cannot_precede_the_last_one(observer):
    with pytest.raises(ValidationError):
        services.membership_end(organisation=observer, date=date(2014, 9, 1), reason="Erreur.")


@pytest.mark.parametrize(
    ("votes_for", "against", "abstentions", "outcome"),
    [
        (7, 2, 1, "admitted"),
        (3, 3, 0, "refused"),  # a tie is no majority
        (2, 3, 5, "refused"),
        (1, 0, 9, "admitted"),  # abstentions are not votes cast
        (0, 0, 4, "refused"),  # nothing cast, nothing decided
    ],
)
def test_majority_of_votes_cast(votes_for, against, abstentions, outcome):
    assert (
        services.majority_outcome(
            votes_for=votes_for, votes_against=against, abstentions=abstentions
        )
        == outcome
    )


def test_only_full_members_on_the_vote_date_are_eligible(make_organisation, observer):
    make_organisation("Ancienne", status="member", since=date(2008, 1, 1))
    make_organisation("Récente", status="member", since=date(2015, 11, 1))  # joined after
    make_organisation("Partie", status="former", since=date(2015, 6, 1))  # left before
    make_organisation("Autre observatrice", status="observer", since=date(2015, 1, 1))
    make_organisation("Candidate", status="candidate")
    assert services.eligible_voters_on(date(2015, 10, 8)) == 1
    assert services.eligible_voters_on(date(2015, 5, 31)) == 2  # "Partie" had not left yet
    assert services.eligible_voters_on(date(2015, 11, 1)) == 2


def test_votes_cast_cannot_exceed_eligible_members(make_organisation, observer):
    for _ in range(3):
        make_organisation()
    with pytest.raises(ValidationError) as error:
        services.membership_record_vote(
            organisation=observer,
            date=date(2015, 10, 8),
            place="Réunion plénière",
            votes_for=3,
            votes_against=0,
            abstentions=1,
        )
    assert error.value.code == "too_many_votes"
    assert not AdmissionVote.objects.exists()
    observer.refresh_from_db()
    assert observer.status == Status.OBSERVER


def test_admission_makes_a_member_from_the_vote_date(make_organisation, observer, coordinator):
    for _ in range(5):
        make_organisation()
    vote = services.membership_record_vote(
        organisation=observer,
        date=date(2015, 10, 8),
        place="Réunion plénière du 8 octobre 2015",
        votes_for=4,
        votes_against=0,
        abstentions=1,
        by=coordinator,
    )
    assert (vote.outcome, vote.eligible_voters) == ("admitted", 5)
    observer.refresh_from_db()
    assert (observer.status, observer.status_since, observer.vote_due_on) == (
        Status.MEMBER,
        date(2015, 10, 8),
        None,
    )
    event = observer.membership_events.last()
    assert (event.to_status, event.vote, event.recorded_by) == (Status.MEMBER, vote, coordinator)
    # The new member votes from then on.
    assert services.eligible_voters_on(date(2015, 10, 9)) == 6


def test_refusal_keeps_the_record_and_the_observer(make_organisation, observer):
    for _ in range(4):
        make_organisation()
    vote = services.membership_record_vote(
        organisation=observer,
        date=date(2015, 10, 8),
        place="Réunion plénière",
        votes_for=1,
        votes_against=2,
        abstentions=1,
    )
    assert vote.outcome == "refused"
    observer.refresh_from_db()
    assert observer.status == Status.OBSERVER
    assert observer.vote_due_on == date(2015, 10, 1)


def test_observer_is_voted_on_only_after_its_observation_started(make_organisation, observer):
    make_organisation()
    with pytest.raises(ValidationError) as error:
        services.membership_record_vote(
            organisation=observer,
            date=date(2014, 9, 1),
            place="x",
            votes_for=1,
            votes_against=0,
        )
    assert error.value.code == "before_observation"


def test_member_cannot_be_voted_on(member):
    with pytest.raises(ValidationError) as error:
        services.vote_validate(
            organisation=member, date=date(2015, 1, 1), votes_for=0, votes_against=0, abstentions=0
        )
    assert error.value.code == "not_observer"


def test_coordinators_extend_an_observation_after_a_refusal(observer):
    services.membership_extend_observation(
        organisation=observer, date=date(2015, 10, 8), reason="Vote reporté d'un an."
    )
    observer.refresh_from_db()
    assert observer.status == Status.OBSERVER
    assert observer.status_since == date(2014, 10, 1)  # still observing since then
    assert observer.vote_due_on == date(2016, 10, 8)


def test_extension_needs_a_later_due_date(observer):
    with pytest.raises(ValidationError):
        services.membership_extend_observation(
            organisation=observer, date=date(2015, 10, 8), until=date(2015, 10, 8), reason="x"
        )


def test_every_status_change_is_kept_never_overwritten(make_organisation):
    organisation = make_organisation(status="candidate")
    services.membership_confirm_observer(organisation=organisation, date=date(2014, 10, 1))
    services.membership_extend_observation(
        organisation=organisation, date=date(2015, 10, 8), reason="Prolongation."
    )
    services.membership_end(organisation=organisation, date=date(2016, 1, 1), reason="Retrait.")
    services.membership_reapply(
        organisation=organisation, date=date(2017, 1, 1), reason="Nouvelle demande."
    )
    story = list(
        MembershipEvent.objects.filter(organisation=organisation).values_list(
            "date", "from_status", "to_status"
        )
    )
    assert story == [
        (date(2014, 10, 1), "candidate", "observer"),
        (date(2015, 10, 8), "observer", "observer"),
        (date(2016, 1, 1), "observer", "former"),
        (date(2017, 1, 1), "former", "candidate"),
    ]


def test_a_membership_change_is_named_as_the_admin_offers_it(make_organisation, coordinator):
    from members.admin import MembershipChangeForm

    assert set(services.MEMBERSHIP_CHANGES) == set(MembershipChangeForm.ACTIONS)
    organisation = make_organisation(status="candidate")
    changes = [
        ("confirm_observer", date(2014, 10, 1), None),
        ("extend", date(2015, 10, 8), date(2016, 3, 1)),
        ("end", date(2016, 1, 1), None),
        ("reapply", date(2017, 1, 1), None),
        ("admit_without_vote", date(2017, 2, 1), None),
    ]
    for action, day, until in changes:
        services.membership_change(
            organisation=organisation,
            action=action,
            date=day,
            reason="Décision de la plénière.",
            until=until,
            by=coordinator,
        )
    story = organisation.membership_events.order_by("date")
    assert [(e.to_status, e.recorded_by) for e in story] == [
        (status, coordinator)
        for status in ["observer", "observer", "former", "candidate", "member"]
    ]
    with pytest.raises(ValueError, match="Unknown membership change"):
        services.membership_change(organisation=organisation, action="promote", date=day)


def test_extending_through_a_membership_change_keeps_the_date_given(observer):
    services.membership_change(
        organisation=observer,
        action="extend",
        date=date(2015, 10, 8),
        reason="Vote reporté.",
        until=date(2016, 3, 1),
    )
    observer.refresh_from_db()
    assert observer.vote_due_on == date(2016, 3, 1)


def test_founding_member_needs_a_reason(make_organisation):
    organisation = make_organisation(status="candidate")
    with pytest.raises(ValidationError):
        services.membership_admit_without_vote(
            organisation=organisation, date=date(2008, 1, 1), reason=" "
        )


def test_organisation_update_keeps_history_with_its_author(member, representative):
    services.organisation_update(
        organisation=member, by=representative, description_en="Supports victims."
    )
    latest = member.history.first()
    assert latest.history_user == representative
    assert latest.description_en == "Supports victims."


def test_organisation_update_refuses_other_fields(member, representative):
    with pytest.raises(ValueError, match="Not editable here"):
        services.organisation_update(organisation=member, by=representative, status="member")


def test_contact_update_dates_the_confirmation(member, representative, time_machine):
    time_machine.move_to("2015-03-02 12:00")
    services.organisation_update_contact(
        organisation=member, by=representative, contact_last_name="Bourgeois"
    )
    member.refresh_from_db()
    assert member.contact_confirmed_on == date(2015, 3, 2)


def test_a_report_of_the_same_year_and_language_replaces_the_previous(member, representative):
    from tests.files import pdf_upload

    first = services.activity_report_add(
        organisation=member, year=2013, language="fr", file=pdf_upload(), by=representative
    )
    second = services.activity_report_add(
        organisation=member, year=2013, language="fr", file=pdf_upload(), by=representative
    )
    assert first.pk == second.pk
    assert member.reports.count() == 1
