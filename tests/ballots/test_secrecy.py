"""A secret ballot keeps who voted apart from what was voted: no model, no query and no admin
page pairs an organisation with its choice."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ballots import services
from ballots.models import BallotOption, OpenVote, Participation, SecretVote
from members.models import Organisation

from .conftest import option

pytestmark = pytest.mark.django_db


def related_models(model):
    return {
        field.related_model
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model
    }


def test_no_model_but_the_open_vote_joins_an_organisation_to_a_choice():
    joining = [
        model
        for model in apps.get_models()
        if {Organisation, BallotOption} <= related_models(model)
    ]
    assert joining == [OpenVote]  # the open ballot's vote, shown to the members by design


def test_a_secret_vote_has_no_organisation_no_time_and_a_random_key():
    fields = {field.name: field for field in SecretVote._meta.concrete_fields}
    assert set(fields) == {"id", "ballot", "option", "receipt_hash"}
    assert isinstance(fields["id"], models.UUIDField)
    assert not any(isinstance(field, models.DateField) for field in fields.values())
    assert Organisation not in related_models(SecretVote)
    # The participation says who and how, never what.
    assert BallotOption not in related_models(Participation)
    assert not any(
        isinstance(field, models.DateField) for field in Participation._meta.concrete_fields
    )


def test_no_query_of_a_secret_vote_names_an_organisation_beside_the_choice(
    ballot, member, representative
):
    with CaptureQueriesContext(connection) as queries:
        receipt = services.ballot_vote(
            ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
        )
        services.ballot_vote(
            ballot=ballot,
            organisation=member,
            option=option(ballot, "against"),
            by=representative,
            receipt_code=receipt.code,
        )
    for query in queries:
        sql = query["sql"].lower()
        if "ballots_secretvote" in sql:
            assert "organisation" not in sql, sql
            assert str(member.pk) not in re.findall(r"\b\d+\b", sql) or "ballot_id" in sql


def test_the_choices_have_no_admin_page():
    assert SecretVote not in admin.site._registry
    assert OpenVote not in admin.site._registry


def test_the_admin_page_of_a_secret_ballot_shows_who_took_part_never_how(
    coordinator_client, ballot, member, other_member, representative, other_representative
):
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "against"), by=representative
    )
    services.ballot_vote(
        ballot=ballot,
        organisation=other_member,
        option=option(ballot, "for"),
        by=other_representative,
    )
    content = coordinator_client.get(
        reverse("admin:ballots_ballot_change", args=[ballot.pk])
    ).content.decode()
    participations = content[content.index('id="participations-group"') :]
    participations = participations[: participations.index("</fieldset>")]
    assert member.name.replace("'", "&#x27;") in participations
    for label in ("Pour", "Contre", "Abstention"):
        assert label not in participations
    # No count while the ballot is open.
    assert ballot.options.filter(votes__isnull=False).count() == 0
    changelist = coordinator_client.get(reverse("admin:ballots_ballot_changelist")).content
    assert member.name.encode() not in changelist
