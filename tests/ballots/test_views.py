"""The ballots' pages in the member area: who sees what, voting through the forms, the
receipt, proxies, the room, and a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ballots import services
from ballots.models import Ballot, OpenVote, Participation, Proxy, SecretVote

from .conftest import option

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"ballots:{name}", kwargs=kwargs or None)


def test_urls_are_translated(ballot, member):
    assert url("ballot-list") == "/fr/espace-membre/scrutins/"
    assert url("ballot-list", "en") == "/en/member-area/ballots/"
    assert url("vote", "en", pk=ballot.pk, slug=member.slug).endswith(
        f"/ballots/{ballot.pk}/organisations/ccem/vote/"
    )


# --- The permission matrix ---------------------------------------------------------------------

PEOPLE = ["anonymous", "observer", "former", "other", "coordinator", "representative"]
# (view, expected status for each of PEOPLE); the vote and proxy pages are the CCEM's.
MATRIX = {
    "ballot-list": [302, 200, 200, 200, 200, 200],
    "ballot-detail": [302, 200, 200, 200, 200, 200],
    "vote": [302, 404, 404, 404, 404, 200],
    "proxy": [302, 404, 404, 404, 404, 200],
    "paper": [302, 403, 403, 403, 200, 403],
}


@pytest.fixture
def people(
    client,
    representative,
    other_representative,
    observer_representative,
    former_representative,
    coordinator,
):
    users = {
        "representative": representative,
        "other": other_representative,
        "observer": observer_representative,
        "former": former_representative,
        "coordinator": coordinator,
    }

    def login(who):
        client.logout()
        if who != "anonymous":
            client.force_login(users[who])
        return client

    return login


def view_url(name, ballot, member, language="fr"):
    if name == "ballot-list":
        return url(name, language)
    if name in {"vote", "proxy"}:
        return url(name, language, pk=ballot.pk, slug=member.slug)
    return url(name, language, pk=ballot.pk)


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("secret", [True, False], ids=["secret", "open"])
def test_the_permission_matrix_of_every_ballot_view(people, make_ballot, member, name, secret):
    ballot = make_ballot(is_secret=secret)
    for who, expected in zip(PEOPLE, MATRIX[name], strict=True):
        for method in ("get", "post"):
            if name in {"ballot-list", "ballot-detail"} and method == "post":
                continue
            response = getattr(people(who), method)(view_url(name, ballot, member))
            if method == "post" and expected == 200:
                continue  # a valid or invalid submission: its own tests
            assert response.status_code == expected, (who, method)
            if expected == 302:
                assert "/connexion/" in response["Location"]
    assert not Participation.objects.exists()
    assert not Proxy.objects.exists()


def test_a_user_without_organisation_is_told_ballots_are_for_representatives(
    client, make_user, ballot
):
    client.force_login(make_user("nobody"))
    response = client.get(url("ballot-list", "en"))
    assert response.status_code == 403
    assert "representatives of the collective" in response.content.decode()


def test_observers_see_the_ballot_and_are_told_why_they_do_not_vote(
    client, ballot, observer_representative
):
    client.force_login(observer_representative)
    content = client.get(url("ballot-detail", "en", pk=ballot.pk)).content.decode()
    assert ballot.question_en in content
    assert "is an observer: during its observation period" in content
    assert "/vote/" not in content


def test_the_vote_page_of_an_observer_answers_403_with_the_reason(
    client, ballot, observer, observer_representative
):
    client.force_login(observer_representative)
    response = client.get(url("vote", "en", pk=ballot.pk, slug=observer.slug))
    assert response.status_code == 403
    assert "does not vote" in response.content.decode()
    response = client.get(url("proxy", "en", pk=ballot.pk, slug=observer.slug))
    assert response.status_code == 403


def test_the_former_members_vote_page_answers_403(client, ballot, former, former_representative):
    client.force_login(former_representative)
    response = client.get(url("vote", "en", pk=ballot.pk, slug=former.slug))
    assert response.status_code == 403
    assert "no longer a member" in response.content.decode()


def test_another_organisations_vote_page_answers_404(client, ballot, member, other_representative):
    client.force_login(other_representative)
    assert client.get(url("vote", pk=ballot.pk, slug=member.slug)).status_code == 404
    assert client.get(url("vote", pk=ballot.pk, slug="does-not-exist")).status_code == 404
    assert client.get(url("ballot-detail", pk=99999)).status_code == 404


# --- Voting through the pages ------------------------------------------------------------------


def test_voting_shows_the_receipt_code_once_and_stores_only_its_hash(
    representative_client, ballot, member
):
    response = representative_client.post(
        url("vote", "en", pk=ballot.pk, slug=member.slug),
        {"option": option(ballot, "for").pk},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "Keep this code" in content
    code = re.search(r'<p class="receipt-code"><code>([^<]+)</code>', content)[1]
    assert SecretVote.objects.get().receipt_hash == services.receipt_hash(code)
    assert code not in representative_client.session.values()
    # The ballot's page: voted, only the count, the vote can be changed.
    page = representative_client.get(url("ballot-detail", "en", pk=ballot.pk)).content.decode()
    assert "Has voted." in page
    assert "Change the vote of" in page
    assert code not in page
    # Changing it: the form asks for the code; a wrong one is refused in the visitor's language.
    change = url("vote", "fr", pk=ballot.pk, slug=member.slug)
    response = representative_client.post(
        change, {"option": option(ballot, "against").pk, "receipt_code": "faux"}
    )
    assert "Ce code de reçu" in response.content.decode()
    response = representative_client.post(
        change, {"option": option(ballot, "against").pk, "receipt_code": code}
    )
    assert "Le vote a été modifié" in response.content.decode()
    assert SecretVote.objects.get().option.meaning == "against"


def test_an_open_vote_is_changed_without_a_code_and_shown_after_closing(
    representative_client, open_ballot, member
):
    vote_url = url("vote", "en", pk=open_ballot.pk, slug=member.slug)
    representative_client.post(vote_url, {"option": option(open_ballot, "for").pk})
    response = representative_client.get(vote_url)
    assert "receipt_code" not in response.content.decode()
    representative_client.post(vote_url, {"option": option(open_ballot, "against").pk})
    assert OpenVote.objects.get().option.meaning == "against"
    detail = url("ballot-detail", "en", pk=open_ballot.pk)
    assert "Each organisation" not in representative_client.get(detail).content.decode()
    Ballot.objects.filter(pk=open_ballot.pk).update(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    services.ballots_close_due()
    content = representative_client.get(detail).content.decode()
    assert "Each organisation" in content
    assert "Against" in content


def test_giving_a_proxy_lets_the_holder_vote_for_the_giver(
    client, ballot, member, other_member, representative, other_representative
):
    client.force_login(other_representative)
    response = client.post(
        url("proxy", "en", pk=ballot.pk, slug=other_member.slug), {"holder": member.pk}
    )
    assert response.status_code == 302
    client.force_login(representative)
    detail = client.get(url("ballot-detail", "en", pk=ballot.pk)).content.decode()
    assert "its proxy is held by" in detail
    response = client.post(
        url("vote", "en", pk=ballot.pk, slug=other_member.slug),
        {"option": option(ballot, "for").pk},
    )
    assert "Cast by proxy" in response.content.decode()
    assert Participation.objects.get(organisation=other_member).channel == "proxy"


def test_a_refused_proxy_says_why(client, ballot, member, representative, observer):
    client.force_login(representative)
    response = client.post(
        url("proxy", "en", pk=ballot.pk, slug=member.slug), {"holder": observer.pk}
    )
    assert response.status_code == 200
    assert "Choose an organisation that can vote" in response.content.decode()
    assert not Proxy.objects.exists()


def test_coordinators_record_the_room(
    coordinator_client, ballot, member, other_member, representative
):
    services.ballot_vote(
        ballot=ballot, organisation=member, option=option(ballot, "for"), by=representative
    )
    paper = url("paper", "en", pk=ballot.pk)
    assert "already voted" in coordinator_client.get(paper).content.decode()
    response = coordinator_client.post(paper, {"present": [member.pk], "total_for": "1"})
    assert "not counted again" in response.content.decode()
    response = coordinator_client.post(paper, {"present": [other_member.pk], "total_against": "1"})
    assert response.status_code == 302
    assert services.ballot_counts(ballot)[option(ballot, "against").pk] == 1


def test_coordinators_record_an_open_ballots_room(coordinator_client, open_ballot, other_member):
    paper = url("paper", "en", pk=open_ballot.pk)
    response = coordinator_client.post(
        paper, {f"choice_{other_member.pk}": option(open_ballot, "against").pk}
    )
    assert response.status_code == 302
    assert OpenVote.objects.get().organisation == other_member


# --- Queries -----------------------------------------------------------------------------------


def many_members(make_organisation, count):
    for _ in range(count):
        make_organisation()


# Session, user, the user's organisations, the ballot(s); then what each page reads once.
QUERIES = {
    "ballot-list": 4,
    # participations, eligible among the user's, its proxies, the eligible count, the options
    "ballot-detail": 9,
    # proxies, representation, status on the opening day, participation, options
    "vote": 9,
    # status on the opening day, the proxy given, the organisations that may hold it
    "proxy": 7,
}


@pytest.mark.parametrize("name", QUERIES)
def test_pages_cost_a_fixed_number_of_queries(
    representative_client, make_organisation, make_ballot, member, django_assert_num_queries, name
):
    ballot = make_ballot(is_secret=False)
    make_ballot(is_secret=True)
    target = view_url(name, ballot, member)
    many_members(make_organisation, 10)
    representative_client.get(target)  # content types are cached once per process
    with django_assert_num_queries(QUERIES[name]):
        assert representative_client.get(target).status_code == 200
    many_members(make_organisation, 190)
    with django_assert_num_queries(QUERIES[name]):
        assert representative_client.get(target).status_code == 200


@pytest.mark.parametrize("secret", [True, False], ids=["secret", "open"])
def test_the_paper_page_costs_a_fixed_number_of_queries(
    coordinator_client, make_organisation, make_ballot, django_assert_num_queries, secret
):
    ballot = make_ballot(is_secret=secret)
    target = url("paper", pk=ballot.pk)
    coordinator_client.get(target)
    # The same nine queries, whatever the number of organisations the form lists.
    for extra in (10, 190):
        many_members(make_organisation, extra)
        with django_assert_num_queries(9):
            assert coordinator_client.get(target).status_code == 200
