"""The ballots' mail, each once, in the recipient's language: at opening, two days before
closing to the organisations that have not voted, the result at closing. And the reminders'
run closes the ballots whose time is up."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ballots import reminders, services
from ballots.models import Ballot
from meetings import services as meetings_services

from .conftest import option

pytestmark = pytest.mark.django_db


def run(now):
    mail.outbox.clear()
    return reminders.ballot_reminders(today=timezone.localdate(now), now=now)


@pytest.fixture
def english_reader(other_representative):
    meetings_services.reader_set_language(user=other_representative, language="en")
    return other_representative


def test_at_opening_every_eligible_representative_is_told_once_in_its_language(
    ballot, representative, english_reader, observer_representative
):
    now = timezone.now()
    assert run(now) == [f"ballot-opened: {ballot}"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {representative.email, english_reader.email}
    assert "Adoptez-vous ce texte" in by_address[representative.email].subject
    assert "Do you adopt this text?" in by_address[english_reader.email].subject
    assert "Ballot open" in by_address[english_reader.email].subject
    assert run(now) == []
    assert mail.outbox == []


def test_two_days_before_closing_only_those_that_have_not_voted(
    ballot, member, representative, english_reader
):
    run(timezone.now())
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    soon = ballot.closes_at - timedelta(days=1)
    assert run(soon) == [f"ballot-closing-soon: {ballot}"]
    assert [message.to for message in mail.outbox] == [[english_reader.email]]
    assert "has not voted yet" in mail.outbox[0].body
    assert run(soon) == []


def test_the_result_goes_at_closing_to_the_representatives_and_the_coordinators(
    ballot, member, representative, english_reader, coordinator, settings
):
    run(timezone.now())
    run(ballot.closes_at - timedelta(days=1))
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    after = ballot.closes_at + timedelta(hours=1)
    with time_machine.travel(after, tick=False):
        lines = run(after)
    assert lines == [f"ballot closed: {ballot}", f"ballot-result: {ballot}"]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [representative.email, english_reader.email, settings.COORDINATION_EMAIL, coordinator.email]
    )
    english = next(m for m in mail.outbox if m.to == [english_reader.email])
    assert "Outcome: adopted" in english.body
    with time_machine.travel(after, tick=False):
        assert run(after) == []


def test_the_daily_command_closes_the_ballots_and_admits_the_observer(
    make_ballot, member, observer, representative
):
    now = timezone.now()
    ballot = make_ballot(
        kind=Ballot.Kind.ADMISSION,
        organisation=observer,
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(hours=1),
    )
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    with time_machine.travel(now + timedelta(hours=2), tick=False):
        out = StringIO()
        call_command("send_reminders", stdout=out)
    assert f"sent: ballot closed: {ballot}" in out.getvalue()
    observer.refresh_from_db()
    assert observer.is_member
