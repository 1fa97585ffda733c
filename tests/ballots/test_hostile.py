"""Bad and hostile input on every ballot form: a clear message in the visitor's language, never
a server error, and nothing already saved lost (the hostile-input suite also runs every ballot
form through its payloads: ballots/contributions.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from ballots import services
from ballots.models import OpenVote, Participation, Proxy, SecretVote

from .conftest import option

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "0",
    "-1",
    "99999999999999999999999999",
    "1.5",
    "<script>alert('x')</script>",
    "' OR '1'='1",
    "a\x00b",
    "é" * 5000,
]
MESSAGES = {
    "fr": ["Choisissez", "Ce champ est obligatoire", "Saisissez", "Assurez-vous", "caractère nul"],
    "en": ["Choose", "This field is required", "Enter", "Ensure", "Null characters"],
}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"ballots:{name}", kwargs=kwargs)


def assert_refused_clearly(response, language):
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert any(message in content for message in MESSAGES[language]), content[-3000:]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE)
def test_the_vote_form(representative_client, ballot, member, representative, language, value):
    receipt = services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    response = representative_client.post(
        url("vote", language, pk=ballot.pk, slug=member.slug),
        {"option": value, "receipt_code": value},
    )
    assert_refused_clearly(response, language)
    assert SecretVote.objects.get().option.meaning == "for"  # the vote already cast is kept
    assert receipt.code not in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE[1:])
def test_the_receipt_code(representative_client, ballot, member, representative, language, value):
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    response = representative_client.post(
        url("vote", language, pk=ballot.pk, slug=member.slug),
        {"option": option(ballot, "against").pk, "receipt_code": value},
    )
    assert response.status_code == 200
    content = response.content.decode()
    expected = {"fr": ["Ce code de reçu", "Assurez-vous", "caractère nul"],
                "en": ["This receipt code", "Ensure", "Null characters"]}[language]  # fmt: skip
    assert any(message in content for message in expected)
    assert SecretVote.objects.get().option.meaning == "for"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE)
def test_the_open_vote_form(
    representative_client, open_ballot, member, representative, language, value
):
    services.ballot_vote(
        ballot=open_ballot,
        organisation=member,
        option=option(open_ballot, "for"),
        by=representative,
    )
    response = representative_client.post(
        url("vote", language, pk=open_ballot.pk, slug=member.slug), {"option": value}
    )
    assert_refused_clearly(response, language)
    assert OpenVote.objects.get().option.meaning == "for"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE)
def test_the_proxy_form(representative_client, ballot, member, language, value):
    response = representative_client.post(
        url("proxy", language, pk=ballot.pk, slug=member.slug), {"holder": value}
    )
    assert_refused_clearly(response, language)
    assert not Proxy.objects.exists()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE)
def test_the_secret_room_form(
    coordinator_client, ballot, member, other_member, representative, language, value
):
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    response = coordinator_client.post(
        url("paper", language, pk=ballot.pk),
        {"present": [value], "total_for": value, "total_against": value},
    )
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert Participation.objects.count() == 1  # the online vote, nothing added
    assert SecretVote.objects.count() == 1


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("value", HOSTILE[1:])
def test_the_open_room_form(coordinator_client, open_ballot, other_member, language, value):
    response = coordinator_client.post(
        url("paper", language, pk=open_ballot.pk), {f"choice_{other_member.pk}": value}
    )
    assert_refused_clearly(response, language)
    assert not Participation.objects.exists()


def test_the_room_says_which_organisation_already_voted_in_english(
    coordinator_client, ballot, member, representative
):
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    response = coordinator_client.post(
        url("paper", "en", pk=ballot.pk), {"present": [member.pk], "total_for": "1"}
    )
    assert "have already voted (online or by proxy)" in response.content.decode()
    assert Participation.objects.count() == 1
