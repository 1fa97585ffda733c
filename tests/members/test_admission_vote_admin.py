"""The admission vote's form states the rule and the observation length, and shows how many
organisations were full members on the chosen date before anything is saved: from its JSON
endpoint (for admission_vote.js) and, without scripts, by its « recompute » button."""

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from members import services
from members.admin import admission_rule, eligible_text
from members.models import AdmissionVote

pytestmark = pytest.mark.django_db

ADD = "/admin/members/admissionvote/add/"
ELIGIBLE = "/admin/members/admissionvote/eligible/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def members(make_organisation):
    """Three founding members, one admitted on 1 June 2015, one gone on 1 January 2014."""
    founders = [make_organisation() for _ in range(3)]
    late = make_organisation(status="candidate")
    services.membership_admit_without_vote(
        organisation=late, date=date(2015, 6, 1), reason="Adhésion."
    )
    make_organisation("Partie", status="former")
    return founders


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to("2015-11-02 10:00")


def vote(observer, **changes):
    data = {
        "organisation": str(observer.pk),
        "date": "08/10/2015",
        "place": "Réunion plénière du 8 octobre 2015",
        "votes_for": "2",
        "votes_against": "1",
        "abstentions": "1",
    }
    data.update(changes)
    return data


def test_the_form_states_the_rule_and_the_observation_length(
    coordinator_client, observer, members, settings
):
    settings.MEMBERS_OBSERVATION_MONTHS = 12
    page = coordinator_client.get(f"{ADD}?organisation={observer.pk}").content.decode()
    page = page.replace("&#x27;", "'")
    assert "La règle du vote" in page
    assert "après une observation de 12 mois" in page
    assert "majorité des suffrages exprimés" in page
    assert "Les abstentions ne sont pas des suffrages exprimés" in page
    assert "Une égalité, ou aucun suffrage exprimé, vaut refus" in page
    # The rule stays on a recorded vote's page.
    services.membership_record_vote(
        organisation=observer,
        date=date(2015, 10, 8),
        place="Plénière",
        votes_for=2,
        votes_against=1,
        abstentions=1,
    )
    recorded = AdmissionVote.objects.get()
    page = coordinator_client.get(f"/admin/members/admissionvote/{recorded.pk}/change/")
    assert "majorité des suffrages exprimés" in page.content.decode()


def test_the_rule_in_english(settings):
    settings.MEMBERS_OBSERVATION_MONTHS = 6
    with translation.override("en"):
        rule = [str(sentence) for sentence in admission_rule()]
        count = eligible_text(4, date(2015, 10, 8))
    assert rule[0].startswith(
        "An observer is put to the vote of the full members after an observation of 6 months"
    )
    assert "majority of the votes cast" in rule[1]
    assert "Abstentions are not votes cast" in rule[1]
    assert rule[2] == "A tie, or no vote cast, is a refusal: the organisation stays an observer."
    assert count == (
        "4 organisations were full members on 8 October 2015: at most 4 votes and abstentions."
    )


def test_the_page_shows_the_eligible_members_of_today_then_of_the_date_chosen(
    coordinator_client, observer, members
):
    page = coordinator_client.get(ADD).content.decode()
    assert "4 organisations étaient membres à part entière le 2 novembre 2015" in page
    page = coordinator_client.get(f"{ADD}?date=01/01/2015").content.decode()
    assert "3 organisations étaient membres à part entière le 1er janvier 2015" in page
    page = coordinator_client.get(f"{ADD}?date=2013-06-01").content.decode()
    assert "4 organisations étaient membres à part entière le 1er juin 2013" in page


@pytest.mark.parametrize("value", ["demain", "32/01/2015", "<script>alert(1)</script>", "9" * 40])
def test_a_bad_date_in_the_address_shows_today_s_count(coordinator_client, members, value):
    response = coordinator_client.get(ADD, {"date": value})
    assert response.status_code == 200
    page = response.content.decode()
    assert "4 organisations étaient membres à part entière le 2 novembre 2015" in page
    assert "<script>alert(1)" not in page


def test_recompute_with_a_bad_date_saves_nothing(coordinator_client, observer, members):
    response = coordinator_client.post(
        ADD, {**vote(observer, date="<b>demain</b>"), "_recompute": "1"}, follow=True
    )
    assert response.status_code == 200
    assert "4 organisations étaient membres à part entière le 2 novembre 2015" in (
        response.content.decode()
    )
    assert not AdmissionVote.objects.exists()


def test_recompute_reloads_the_page_with_what_was_typed_and_saves_nothing(
    coordinator_client, observer, members
):
    response = coordinator_client.post(
        ADD, {**vote(observer, date="01/01/2015"), "_recompute": "1"}
    )
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == ADD
    query = parse_qs(target.query)
    assert query["date"] == ["01/01/2015"]
    assert query["place"] == ["Réunion plénière du 8 octobre 2015"]
    assert "csrfmiddlewaretoken" not in query
    assert "_recompute" not in query
    assert not AdmissionVote.objects.exists()
    page = coordinator_client.get(response["Location"])
    assert "3 organisations étaient membres à part entière le 1er janvier 2015" in (
        page.content.decode()
    )
    form = page.context["adminform"].form
    assert form.initial["place"] == "Réunion plénière du 8 octobre 2015"
    assert form.initial["votes_for"] == "2"
    observer.refresh_from_db()
    assert observer.status == "observer"


def test_a_refused_submission_shows_the_count_of_its_date(coordinator_client, observer, members):
    response = coordinator_client.post(
        ADD, vote(observer, date="01/01/2015", votes_for="3", abstentions="1")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 organisations étaient membres à part entière le 1er janvier 2015" in page
    assert not AdmissionVote.objects.exists()


def test_a_vote_is_still_recorded_with_the_count_shown(coordinator_client, observer, members):
    response = coordinator_client.post(ADD, vote(observer))
    assert response.status_code == 302
    recorded = AdmissionVote.objects.get()
    assert (recorded.eligible_voters, recorded.outcome) == (4, "admitted")


def test_the_endpoint_gives_the_count_for_a_date(coordinator_client, members):
    for value, expected, day in [
        ("2015-01-01", 3, "2015-01-01"),
        ("01/01/2015", 3, "2015-01-01"),
        ("2015-10-08", 4, "2015-10-08"),
        ("2013-06-01", 4, "2013-06-01"),
        ("2000-01-01", 0, "2000-01-01"),
    ]:
        response = coordinator_client.get(ELIGIBLE, {"date": value})
        assert response.status_code == 200, value
        data = response.json()
        assert (data["eligible"], data["date"]) == (expected, day), value
        assert data["text"].startswith(f"{expected} organisation")


@pytest.mark.parametrize(
    "value", ["", "demain", "2015-13-45", "32/01/2015", "<script>", "9" * 40, "2015-01-01 10:00"]
)
def test_the_endpoint_refuses_a_bad_date(coordinator_client, value):
    response = coordinator_client.get(ELIGIBLE, {"date": value})
    assert response.status_code == 400
    assert response.json() == {"error": "Saisissez une date valide."}


def test_the_endpoint_refuses_a_nul_character(coordinator_client):
    # Refused before the view, like any address with one (collectif/middleware.py).
    assert coordinator_client.get(ELIGIBLE, {"date": "2015-01-01\x00"}).status_code == 400


def test_the_endpoint_without_a_date(coordinator_client):
    assert coordinator_client.get(ELIGIBLE).status_code == 400


def test_the_endpoint_and_the_page_are_for_those_who_record_votes(client, make_user):
    assert client.get(ELIGIBLE, {"date": "2015-01-01"}).status_code == 302  # to log in
    client.force_login(make_user("intern", is_staff=True))
    assert client.get(ELIGIBLE, {"date": "2015-01-01"}).status_code == 403
    assert client.post(ADD, {"date": "01/01/2015", "_recompute": "1"}).status_code == 403
    client.force_login(make_user("member-user"))
    assert client.get(ELIGIBLE, {"date": "2015-01-01"}).status_code == 302


def test_the_script_is_a_static_file_of_the_page(coordinator_client):
    page = coordinator_client.get(ADD).content.decode()
    assert 'src="/static/js/admission_vote.js"' in page
    assert 'data-url="/admin/members/admissionvote/eligible/"' in page
    assert 'name="_recompute"' in page
    assert "<script>" not in page.replace(" ", "")  # nothing inline: the CSP forbids it
    script = (ROOT / "static" / "js" / "admission_vote.js").read_text()
    assert "eligible-voters" in script
