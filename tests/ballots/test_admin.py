"""The coordinators create ballots in the admin, in French; its rules are the service's."""

import pytest
from django.urls import reverse

from ballots.models import Ballot

pytestmark = pytest.mark.django_db

ADD = "/admin/ballots/ballot/add/"


def data(**fields):
    return {
        "kind": "text",
        "question_fr": "Adoptez-vous la position ?",
        "question_en": "Do you adopt the position?",
        "text_fr": "La position.",
        "text_en": "",
        "opens_at_0": "01/12/2030",
        "opens_at_1": "09:00",
        "closes_at_0": "08/12/2030",
        "closes_at_1": "18:00",
        "is_secret": "on",
        "quorum": "",
        "organisation": "",
        "document": "",
        "options-TOTAL_FORMS": "0",
        "options-INITIAL_FORMS": "0",
        **fields,
    }


def test_a_coordinator_creates_a_ballot_with_the_default_options(coordinator_client, member):
    assert coordinator_client.get(ADD).status_code == 200
    response = coordinator_client.post(ADD, data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    ballot = Ballot.objects.get()
    assert [o.label_fr for o in ballot.options.all()] == ["Pour", "Contre", "Abstention"]
    assert ballot.opens_at.hour == 8  # 9:00 in Paris, stored in UTC
    assert (
        coordinator_client.get(reverse("admin:ballots_ballot_change", args=[ballot.pk])).status_code
        == 200
    )


def test_the_admin_refuses_a_ballot_closing_before_it_opens_in_french(coordinator_client):
    response = coordinator_client.post(ADD, data(closes_at_0="01/11/2030"))
    assert response.status_code == 200
    assert "Un scrutin se clôt après son ouverture." in response.content.decode()
    assert not Ballot.objects.exists()


def test_the_admin_refuses_an_admission_ballot_on_a_member(coordinator_client, member, observer):
    response = coordinator_client.post(
        ADD, data(kind="admission", organisation=str(member.pk), text_fr="")
    )
    assert response.status_code == 200
    assert not Ballot.objects.exists()
    response = coordinator_client.post(
        ADD, data(kind="admission", organisation=str(observer.pk), text_fr="")
    )
    assert response.status_code == 302
    response = coordinator_client.post(
        ADD, data(kind="admission", organisation=str(observer.pk), text_fr="")
    )
    assert "déjà en cours" in response.content.decode()
