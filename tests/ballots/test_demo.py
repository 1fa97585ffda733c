"""The demo's ballots: Koutcha's admission open now (some members voted, one proxy given),
which the demo member can run to its end; the launch communiqué adopted by an open ballot."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ballots import services
from ballots.models import Ballot, OpenVote, Participation, Proxy
from members.models import Organisation

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo", stdout=StringIO())


def test_the_demo_admission_ballot_runs_to_its_end_in_the_member_area():
    load()
    ballot = Ballot.objects.get(kind=Ballot.Kind.ADMISSION)
    assert ballot.organisation.slug == "koutcha"
    assert ballot.is_secret
    assert ballot.state_at(ballot.opens_at + timedelta(days=1)) == "open"
    assert Participation.objects.filter(ballot=ballot).count() == 5
    proxy = Proxy.objects.get(ballot=ballot)
    assert (proxy.giver.slug, proxy.holder.slug) == ("hors-la-rue", "ccem")
    member = get_user_model().objects.get(username="demo-member")
    voting = services.voting_for(ballot=ballot, user=member)
    assert {organisation.slug for organisation, _channel in voting} == {"ccem", "hors-la-rue"}
    for organisation, _channel in voting:
        services.ballot_vote(
            ballot=ballot,
            organisation=organisation,
            option=ballot.options.get(meaning="for"),
            by=member,
        )
    with time_machine.travel(ballot.closes_at + timedelta(hours=1), tick=False):
        call_command("send_reminders", stdout=StringIO())
    ballot.refresh_from_db()
    assert ballot.quorum_reached
    assert Organisation.objects.get(slug="koutcha").is_member


def test_the_launch_communique_was_adopted_by_an_open_ballot():
    load()
    ballot = Ballot.objects.get(kind=Ballot.Kind.TEXT)
    assert ballot.document.slug == "communique-lancement-site-2014"
    assert not ballot.is_secret
    assert ballot.closed_at is not None
    assert ballot.outcome == Ballot.Outcome.ADOPTED
    assert OpenVote.objects.filter(ballot=ballot).count() == 7


def test_the_demo_ballots_load_twice_without_duplicates():
    load()
    load()
    assert Ballot.objects.count() == 2
    assert Participation.objects.filter(ballot__kind=Ballot.Kind.ADMISSION).count() == 5
