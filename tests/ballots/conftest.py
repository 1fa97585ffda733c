"""Ballots' fixtures: the organisations of the minutes by status, each with a representative,
and a ballot maker (open now by default: opened yesterday, closing in a week)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ballots import services
from ballots.models import Ballot
from members import services as members_services


@pytest.fixture
def member(ccem):
    return ccem


@pytest.fixture
def other_member(hors_la_rue):
    return hors_la_rue


@pytest.fixture
def third_member(make_organisation, make_user):
    organisation = make_organisation("ECPAT France", slug="ecpat-france")
    organisation.representatives.add(make_user("ecpat", email="rep@ecpat.example.org"))
    return organisation


@pytest.fixture
def observer(sos_esclaves):
    return sos_esclaves


@pytest.fixture
def observer_representative(make_user, observer):
    user = make_user("observer-rep", email="rep@sos.example.org")
    observer.representatives.add(user)
    return user


@pytest.fixture
def former(make_organisation):
    return make_organisation(
        "Ancien membre", slug="ancien", status="former", since=date(2012, 1, 1)
    )


@pytest.fixture
def former_representative(make_user, former):
    user = make_user("former-rep", email="rep@ancien.example.org")
    former.representatives.add(user)
    return user


@pytest.fixture
def make_ballot(db):
    def make(*, kind=Ballot.Kind.TEXT, organisation=None, opens_at=None, closes_at=None, **fields):
        now = timezone.now()
        fields.setdefault("is_secret", True)
        if kind == Ballot.Kind.TEXT:
            fields.setdefault("text_fr", "Le texte proposé au vote.")
            fields.setdefault("text", fields["text_fr"])
        question = fields.pop("question", "Adoptez-vous ce texte ?")
        return services.ballot_create(
            by=None,
            kind=kind,
            organisation=organisation,
            question=question,
            question_fr=question,
            question_en=fields.pop("question_en", "Do you adopt this text?"),
            opens_at=opens_at or now - timedelta(days=1),
            closes_at=closes_at or now + timedelta(days=7),
            **fields,
        )

    return make


@pytest.fixture
def ballot(make_ballot, member, other_member):
    return make_ballot()


@pytest.fixture
def open_ballot(make_ballot, member, other_member):
    return make_ballot(is_secret=False)


def option(ballot, meaning):
    return ballot.options.get(meaning=meaning)


def admit_today(organisation):
    return members_services.membership_record_vote(
        organisation=organisation,
        date=timezone.localdate(),
        place="Plénière",
        votes_for=2,
        votes_against=0,
    )
